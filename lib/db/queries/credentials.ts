import "server-only";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { randomId } from "@/lib/ids";
import { db, writeTransaction } from "../client";
import { paymentEvents, storedCredentials, type StoredCredential } from "../schema";

/** Every wallet binding of a user, newest first (pending, active, revoked and declined ones). */
export function listWalletBindings(userId: string): StoredCredential[] {
  return db()
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.userId, userId), eq(storedCredentials.kind, "wallet")))
    .orderBy(desc(storedCredentials.createdAt))
    .all();
}

export function findCredentialByToken(provider: string, token: string): StoredCredential | undefined {
  return db()
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.provider, provider), eq(storedCredentials.token, token)))
    .get();
}

export function insertCredential(values: Omit<typeof storedCredentials.$inferInsert, "id">): StoredCredential {
  return db()
    .insert(storedCredentials)
    .values({ ...values, id: randomId("crd") })
    .returning()
    .get();
}

type Transaction = Parameters<Parameters<typeof writeTransaction>[0]>[0];
type CredentialEvent = { provider: string; summary: string; dedupeKey?: string; detail?: unknown };
export type CredentialMove = "moved" | "duplicate" | "refused";

/**
 * Moves a binding from one of `from` to `to` (compare-and-set) and records why, in one
 * transaction; with a dedupe key already taken (a redelivered notification), or from any other
 * state (the binding has moved on), it writes nothing.
 */
export function moveCredential(
  id: string,
  from: readonly StoredCredential["status"][],
  to: StoredCredential["status"],
  event: CredentialEvent,
  /** The token the move brings (a binding that was pending under its signing reference). */
  token?: string,
): CredentialMove {
  return writeTransaction((tx) => moveWithin(tx, id, from, to, event, token));
}

/**
 * Makes a pending wallet binding active (as moveCredential) and the one active link of its wallet
 * (shopper, provider, wallet type; stored_credentials_active_wallet_idx): the wallet's older active
 * link is revoked in the same transaction and returned as `replaced`, for the caller to end at the
 * provider.
 */
export function activateWalletLink(
  id: string,
  event: CredentialEvent,
  token?: string,
): { result: CredentialMove; replaced?: StoredCredential } {
  return writeTransaction((tx) => {
    let replaced: StoredCredential | undefined;
    const result = moveWithin(tx, id, ["pending"], "active", event, token, (binding) => {
      replaced = revokeActiveLinkOf(tx, binding);
    });
    return { result, replaced };
  });
}

/**
 * Stores an active wallet link (the same token again changes nothing) as the one active link of
 * its wallet: the older one is revoked in the same transaction and returned as `replaced`.
 */
export function insertActiveWalletLink(values: Omit<typeof storedCredentials.$inferInsert, "id" | "kind" | "status">): {
  link: StoredCredential;
  replaced?: StoredCredential;
} {
  return writeTransaction((tx) => {
    const existing = tx
      .select()
      .from(storedCredentials)
      .where(and(eq(storedCredentials.provider, values.provider), eq(storedCredentials.token, values.token)))
      .get();
    if (existing) return { link: existing };
    const link = { ...values, id: randomId("crd"), kind: "wallet" as const, status: "active" as const };
    const replaced = revokeActiveLinkOf(tx, { ...link, brand: link.brand ?? null });
    return { link: tx.insert(storedCredentials).values(link).returning().get(), replaced };
  });
}

/** Revokes the active link of `wallet`'s wallet (same shopper, provider and wallet type) other than `wallet` itself. */
function revokeActiveLinkOf(
  tx: Transaction,
  wallet: Pick<StoredCredential, "id" | "userId" | "provider" | "brand">,
): StoredCredential | undefined {
  if (wallet.brand === null) return undefined;
  return tx
    .update(storedCredentials)
    .set({ status: "revoked" })
    .where(
      and(
        eq(storedCredentials.userId, wallet.userId),
        eq(storedCredentials.provider, wallet.provider),
        eq(storedCredentials.brand, wallet.brand),
        eq(storedCredentials.kind, "wallet"),
        eq(storedCredentials.status, "active"),
        ne(storedCredentials.id, wallet.id),
      ),
    )
    .returning()
    .get();
}

function moveWithin(
  tx: Transaction,
  id: string,
  from: readonly StoredCredential["status"][],
  to: StoredCredential["status"],
  event: CredentialEvent,
  token: string | undefined,
  /** What else the move does, before it, in its transaction. */
  beforeMove?: (credential: StoredCredential) => void,
): CredentialMove {
  if (
    event.dedupeKey &&
    tx.select({ id: paymentEvents.id }).from(paymentEvents).where(eq(paymentEvents.dedupeKey, event.dedupeKey)).get()
  )
    return "duplicate";
  // The transaction is immediate (it holds the write lock): the status read here is the one the update sees.
  const credential = tx
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.id, id), inArray(storedCredentials.status, [...from])))
    .get();
  if (!credential) return "refused";
  beforeMove?.(credential);
  tx.update(storedCredentials)
    .set(token ? { status: to, token } : { status: to })
    .where(eq(storedCredentials.id, id))
    .run();
  if (event.dedupeKey) {
    tx.insert(paymentEvents)
      .values({
        provider: event.provider,
        type: "notification",
        dedupeKey: event.dedupeKey,
        summary: event.summary,
        detail: event.detail ?? null,
      })
      .run();
  }
  return "moved";
}

export function listActiveCredentials(userId: string, provider?: string): StoredCredential[] {
  const conditions = [eq(storedCredentials.userId, userId), eq(storedCredentials.status, "active")];
  if (provider) conditions.push(eq(storedCredentials.provider, provider));
  return db()
    .select()
    .from(storedCredentials)
    .where(and(...conditions))
    .orderBy(desc(storedCredentials.createdAt))
    .all();
}

export function findCredential(id: string): StoredCredential | undefined {
  return db().select().from(storedCredentials).where(eq(storedCredentials.id, id)).get();
}

/** Stores a provider's card token for a user once (the same token again changes nothing). */
export function saveCredentialOnce(values: Omit<typeof storedCredentials.$inferInsert, "id">): StoredCredential {
  const existing = db()
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.provider, values.provider), eq(storedCredentials.token, values.token)))
    .get();
  if (existing) return existing;
  return (
    db()
      .insert(storedCredentials)
      .values({ ...values, id: randomId("crd") })
      .onConflictDoNothing()
      .returning()
      .get() ?? findCredentialByToken(values.provider, values.token)!
  );
}

/** A shopper removes a saved card: it is revoked, never offered or charged again. */
export function revokeCredential(id: string, userId: string): boolean {
  const result = db()
    .update(storedCredentials)
    .set({ status: "revoked" })
    .where(and(eq(storedCredentials.id, id), eq(storedCredentials.userId, userId)))
    .run();
  return result.changes === 1;
}
