"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { sameSitePath } from "@/lib/safe-redirect";
import { tooManyAttemptsMessage, TooManySignInAttempts } from "@/lib/sign-in-guard";

export type LoginState = { error?: string };

export async function logIn(_state: LoginState, formData: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      // Only same-site paths are followed after sign-in.
      redirectTo: sameSitePath(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof TooManySignInAttempts) return { error: tooManyAttemptsMessage(error.waitMs) };
    if (error instanceof AuthError) return { error: "Wrong email or password." };
    throw error; // the redirect after a successful sign-in
  }
}
