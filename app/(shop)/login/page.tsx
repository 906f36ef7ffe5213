import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { isPublicMode } from "@/lib/public-mode";
import { sameSitePath } from "@/lib/safe-redirect";
import { TOO_MANY_ATTEMPTS_CODE } from "@/lib/sign-in-guard";

export async function generateMetadata() {
  return { title: (await getTranslations("SignIn"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; code?: string }>;
}) {
  const { callbackUrl, code } = await searchParams;
  const t = await getTranslations("SignIn");
  return (
    <div className="mx-auto max-w-sm rounded-xl border border-stone-200 bg-white p-6">
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-stone-500">{isPublicMode() ? t("demoAccountsPublic") : t("demoAccountsLocal")}</p>
      {/* Auth.js's own endpoint (a sign-in posted without the form) comes back here with the reason. */}
      {code === TOO_MANY_ATTEMPTS_CODE && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {t("tooManyAttempts")}
        </p>
      )}
      <LoginForm callbackUrl={sameSitePath(callbackUrl)} />
    </div>
  );
}
