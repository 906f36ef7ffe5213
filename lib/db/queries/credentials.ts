import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { randomId } from "@/lib/ids";
import { db, lockRows, writeTransaction, type ShopTransaction } from "../client";
import type { StoredCredential } from "../schema";
import { paymentEvents, storedCredentials } from "../tables";

/** Every wallet binding of a user, newest first (pending, active, revoked and declined ones). */
export async function listWalletBindings(userId: string): Promise<StoredCredential[]> {
  return (await db())
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.userId, userId), eq(storedCredentials.kind, "wallet")))
    .orderBy(desc(storedCredentials.createdAt));
}

export async function findCredentialByToken(provider: string, token: string): Promise<StoredCredential | undefined> {
  const [credential] = await (
    await db()
  )
    .select()
    .from(storedCredentials)
    .where(and(eq(storedCredentials.provider, provider), eq(storedCredentials.token, token)));
  return credential;
}

export async function insertCredential(
  values: Omit<typeof storedCredentials.$inferInsert, "id">,
): Promise<StoredCredential> {
  return writeTransaction(async (tx) => {
    const [credential] = await tx
      .insert(storedCredentials)
      .values({ ...values, id: randomId("crd") })
      .returning();
    return credential!;
  });
}

type CredentialEvent = { provider: string; summary: string; dedupeKey?: string; detail?: unknown };
export type CredentialMove = "moved" | "duplicate" | "refused";

/**
 * Moves a binding from one of `from` to `to` (compare-and-set) and records why, in one
 * transaction; with a dedupe key already taken (a redelivered notification), or from any other
 * state (the binding has moved on), it writes nothing.
 */
export async function moveCredential(
  id: string,
  from: readonly StoredCredential["status"][],
  to: StoredCredential["status"],
  event: CredentialEvent,
  /** The token the move brings (a binding that was pending under its signing reference). */
  token?: string,
): Promise<CredentialMove> {
  return writeTransaction((tx) => moveWithin(tx, id, from, to, event, token));
}

/**
 * Makes a pending wallet binding active (as moveCredential) and the one active link of its wallet
 * (shopper, provider, wallet type; stored_credentials_active_wallet_idx): the wallet's older active
 * link is revoked in the same transaction and returned as `replaced`, for the caller to end at the
 * provider.
 */
export async function activateWalletLink(
  id: string,
  event: CredentialEvent,
  token?: string,
): Promise<{ result: CredentialMove; replaced?: StoredCredential }> {
  return writeTransaction(async (tx) => {
    let replaced: StoredCredential | undefined;
    const result = await moveWithin(tx, id, ["pending"], "active", event, token, async (binding) => {
      replaced = await revokeActiveLinkOf(tx, binding);
    });
    return { result, replaced };
  });
}

/**
 * Stores an active wallet link (the same token again changes nothing) as the one active link of
 * its wallet: the older one is revoked in the same transaction and returned as `replaced`.
 */
export async function insertActiveWalletLink(
  values: Omit<typeof storedCredentials.$inferInsert, "id" | "kind" | "status">,
): Promise<{ link: StoredCredential; replaced?: StoredCredential }> {
  return writeTransaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(storedCredentials)
      .where(and(eq(storedCredentials.provider, values.provider), eq(storedCredentials.token, values.token)));
    if (existing) return { link: existing };
    const link = { ...values, id: randomId("crd"), kind: "wallet" as const, status: "active" as const };
    const replaced = await revokeActiveLinkOf(tx, { ...link, brand: link.brand ?? null });
    const [inserted] = await tx.insert(storedCredentials).values(link).returning();
    return { link: inserted!, replaced };
  });
}

/** Revokes the active link of `wallet`'s wallet (same shopper, provider and wallet type) other than `wallet` itself. */
async function revokeActiveLinkOf(
  tx: ShopTransaction,
  wallet: Pick<StoredCredential, "id" | "userId" | "provider" | "brand">,
): Promise<StoredCredential | undefined> {
  if (wallet.brand === null) return undefined;
  const [revoked] = await tx
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
    .returning();
  return revoked;
}

async function moveWithin(
  tx: ShopTransaction,
  id: string,
  from: readonly StoredCredential["status"][],
  to: StoredCredential["status"],
  event: CredentialEvent,
  token: string | undefined,
  /** What else the move does, before it, in its transaction. */
  beforeMove?: (credential: StoredCredential) => Promise<void>,
): Promise<CredentialMove> {
  // The binding's row first, locked until the transaction ends (on SQLite the transaction holds
  // the write lock already): the status read here is the one the update sees, and a redelivery
  // racing this one waits, then finds its dedupe key taken.
  const [credential] = await lockRows(tx.select().from(storedCredentials).where(eq(storedCredentials.id, id)));
  if (
    event.dedupeKey &&
    (await tx.select({ id: paymentEvents.id }).from(paymentEvents).where(eq(paymentEvents.dedupeKey, event.dedupeKey)))
      .length > 0
  )
    return "duplicate";
  if (!credential || !from.includes(credential.status)) return "refused";
  await beforeMove?.(credential);
  await tx
    .update(storedCredentials)
    .set(token ? { status: to, token } : { status: to })
    .where(eq(storedCredentials.id, id));
  if (event.dedupeKey) {
    await tx.insert(paymentEvents).values({
      provider: event.provider,
      type: "notification",
      dedupeKey: event.dedupeKey,
      summary: event.summary,
      detail: event.detail ?? null,
    });
  }
  return "moved";
}

export async function listActiveCredentials(userId: string, provider?: string): Promise<StoredCredential[]> {
  const conditions = [eq(storedCredentials.userId, userId), eq(storedCredentials.status, "active")];
  if (provider) conditions.push(eq(storedCredentials.provider, provider));
  return (await db())
    .select()
    .from(storedCredentials)
    .where(and(...conditions))
    .orderBy(desc(storedCredentials.createdAt));
}

export async function findCredential(id: string): Promise<StoredCredential | undefined> {
  const [credential] = await (await db()).select().from(storedCredentials).where(eq(storedCredentials.id, id));
  return credential;
}

/** Stores a provider's card token for a user once (the same token again changes nothing). */
export async function saveCredentialOnce(
  values: Omit<typeof storedCredentials.$inferInsert, "id">,
): Promise<StoredCredential> {
  const existing = await findCredentialByToken(values.provider, values.token);
  if (existing) return existing;
  const [inserted] = await writeTransaction(async (tx) =>
    tx
      .insert(storedCredentials)
      .values({ ...values, id: randomId("crd") })
      .onConflictDoNothing()
      .returning(),
  );
  return inserted ?? (await findCredentialByToken(values.provider, values.token))!;
}

/** A shopper removes a saved card: it is revoked, never offered or charged again. */
export async function revokeCredential(id: string, userId: string): Promise<boolean> {
  const revoked = await writeTransaction(async (tx) =>
    tx
      .update(storedCredentials)
      .set({ status: "revoked" })
      .where(and(eq(storedCredentials.id, id), eq(storedCredentials.userId, userId)))
      .returning({ id: storedCredentials.id }),
  );
  return revoked.length === 1;
}
