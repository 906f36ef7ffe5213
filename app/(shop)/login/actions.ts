"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth";
import { sameSitePath } from "@/lib/safe-redirect";
import { TooManySignInAttempts } from "@/lib/sign-in-guard";
import { waitDuration } from "@/lib/sign-in-throttle";
import { parseForm, type ActionState } from "@/lib/action-state";
import { z } from "zod";

const logInForm = z.object({
  email: z.string().trim().min(1, "Enter your email and password.").max(200),
  password: z.string().min(1, "Enter your email and password.").max(1000),
  callbackUrl: z.string().max(2000).optional().catch(undefined),
});

export async function logIn(_state: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("SignIn");
  const form = parseForm(logInForm, formData);
  if (!form.ok) return { error: t("missingFields") };
  try {
    await signIn("credentials", {
      email: form.data.email,
      password: form.data.password,
      // Only same-site paths are followed after sign-in.
      redirectTo: sameSitePath(form.data.callbackUrl),
    });
    return {};
  } catch (error) {
    if (error instanceof TooManySignInAttempts) return { error: t("tooManyAttemptsWait", waitDuration(error.waitMs)) };
    if (error instanceof AuthError) return { error: t("wrongCredentials") };
    throw error; // the redirect after a successful sign-in
  }
}
