import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import type { User } from "../schema";
import { users } from "../tables";

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await (await db()).select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}
