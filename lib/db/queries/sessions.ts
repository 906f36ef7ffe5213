import "server-only";
import { eq, lt } from "drizzle-orm";
import { db } from "../client";
import { revokedSessions } from "../schema";

/**
 * Records that session `sessionId` was signed out; no copy of its token outlives `expiresAt`.
 * Rows of sessions that have expired anyway go at the same time (nothing could present them).
 */
export function revokeSession(sessionId: string, expiresAt: Date, now = new Date()): void {
  db().transaction(
    (tx) => {
      tx.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing().run();
      tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).run();
    },
    { behavior: "immediate" },
  );
}

export function isSessionRevoked(sessionId: string): boolean {
  return (
    db()
      .select({ id: revokedSessions.sessionId })
      .from(revokedSessions)
      .where(eq(revokedSessions.sessionId, sessionId))
      .get() !== undefined
  );
}
