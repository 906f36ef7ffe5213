import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { users, type User } from "../schema";

export function findUserByEmail(email: string): User | undefined {
  return db().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}
