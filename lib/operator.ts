import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth";

/**
 * Server-side gate of every operator page: a guest is sent to sign in, a signed-in shopper gets
 * 403 (the page renders no operator data).
 */
export async function requireOperator(path: string): Promise<{ email: string }> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.role !== "operator") forbidden();
  return { email: user.email ?? "" };
}
