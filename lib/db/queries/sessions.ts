import "server-only";
import { eq, lt } from "drizzle-orm";
import { db, writeTransaction } from "../client";
import { revokedSessions } from "../tables";

/**
 * Records that session `sessionId` was signed out; no copy of its token outlives `expiresAt`.
 * Rows of sessions that have expired anyway go at the same time (nothing could present them).
 */
export async function revokeSession(sessionId: string, expiresAt: Date, now = new Date()): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
  });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  const [revoked] = await (
    await db()
  )
    .select({ id: revokedSessions.sessionId })
    .from(revokedSessions)
    .where(eq(revokedSessions.sessionId, sessionId));
  return revoked !== undefined;
}
