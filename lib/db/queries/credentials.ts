import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
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

/**
 * Moves a binding from one of `from` to `to` (compare-and-set) and records why, in one
 * transaction; with a dedupe key already taken (a redelivered notification), or from any other
 * state (the binding has moved on), it writes nothing.
 */
export function moveCredential(
  id: string,
  from: readonly StoredCredential["status"][],
  to: StoredCredential["status"],
  event: { provider: string; summary: string; dedupeKey?: string; detail?: unknown },
  /** The token the move brings (a binding that was pending under its signing reference). */
  token?: string,
): "moved" | "duplicate" | "refused" {
  return writeTransaction((tx) => {
    if (
      event.dedupeKey &&
      tx.select({ id: paymentEvents.id }).from(paymentEvents).where(eq(paymentEvents.dedupeKey, event.dedupeKey)).get()
    )
      return "duplicate";
    const moved = tx
      .update(storedCredentials)
      .set(token ? { status: to, token } : { status: to })
      .where(and(eq(storedCredentials.id, id), inArray(storedCredentials.status, [...from])))
      .run();
    if (moved.changes !== 1) return "refused";
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
  });
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
