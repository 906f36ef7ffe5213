import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt cost of every stored password hash (the seeded accounts; any account the shop creates). */
export const PASSWORD_HASH_COST = 10;

/**
 * A hash of a random password nobody knows, at the same cost: an unknown email is checked against
 * it, so answering "wrong email or password" takes as long for an unknown email as for a known
 * one (no timing tells which emails have accounts).
 */
export const DUMMY_PASSWORD_HASH = "$2b$10$z8TW3p01f.19SLw9MzD9IOBNmXFHao71I5NOmggwHL71EKULJq3dy";

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, PASSWORD_HASH_COST);
}

/** bcrypt's check of a password against a hash: a parameter, so a test can count the checks and read each hash's cost. */
export type HashCheck = (password: string, hash: string) => Promise<boolean>;

/** Whether `password` matches `storedHash`; with no account (undefined) it does the same work and says no. */
export async function passwordMatches(
  password: string,
  storedHash: string | undefined,
  check: HashCheck = bcrypt.compare,
): Promise<boolean> {
  const matches = await check(password, storedHash ?? DUMMY_PASSWORD_HASH);
  return matches && storedHash !== undefined;
}
