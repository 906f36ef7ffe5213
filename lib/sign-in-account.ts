import "server-only";
import { findUserByEmail } from "@/lib/db/queries/users";
import { passwordMatches, type HashCheck } from "@/lib/passwords";

/**
 * The account whose email (normalised) and password these are, or null. The hash is checked even
 * when there is no such account (against a dummy of the same cost): the same work either way, so
 * the answer's time does not tell which emails have accounts. `check` is bcrypt's unless a test
 * counts the checks.
 */
export async function accountWithPassword(email: string, password: string, check?: HashCheck) {
  const user = await findUserByEmail(email);
  const matches = await passwordMatches(password, user?.passwordHash, check);
  return user && matches ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}
