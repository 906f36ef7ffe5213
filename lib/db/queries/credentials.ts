import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { randomId } from "@/lib/ids";
import { db } from "../client";
import { storedCredentials, type StoredCredential } from "../schema";

export function listActiveCredentials(userId: string, provider?: string): StoredCredential[] {
  const conditions = [eq(storedCredentials.userId, userId), eq(storedCredentials.status, "active")];
  if (provider) conditions.push(eq(storedCredentials.provider, provider));
  return db().select().from(storedCredentials).where(and(...conditions)).orderBy(desc(storedCredentials.createdAt)).all();
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
  return db().insert(storedCredentials).values({ ...values, id: randomId("crd") }).onConflictDoNothing().returning().get() ?? findCredentialByToken(values.provider, values.token)!;
}

function findCredentialByToken(provider: string, token: string): StoredCredential | undefined {
  return db().select().from(storedCredentials).where(and(eq(storedCredentials.provider, provider), eq(storedCredentials.token, token))).get();
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
