import { LoginForm } from "@/components/login-form";
import { isPublicMode } from "@/lib/public-mode";
import { sameSitePath } from "@/lib/safe-redirect";
import { TOO_MANY_ATTEMPTS_CODE, tooManyAttemptsMessage } from "@/lib/sign-in-guard";

export const metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; code?: string }>;
}) {
  const { callbackUrl, code } = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-xl border border-stone-200 bg-white p-6">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-stone-500">
        {isPublicMode()
          ? "Demo accounts: shopper@example.com and operator@example.com, with this deployment's own passwords (ask whoever runs it)."
          : "Demo accounts: shopper@example.com / shopper-demo, operator@example.com / operator-demo."}
      </p>
      {/* Auth.js's own endpoint (a sign-in posted without the form) comes back here with the reason. */}
      {code === TOO_MANY_ATTEMPTS_CODE && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {tooManyAttemptsMessage()}
        </p>
      )}
      <LoginForm callbackUrl={sameSitePath(callbackUrl)} />
    </div>
  );
}
