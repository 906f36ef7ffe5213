import { LoginForm } from "@/components/login-form";
import { sameSitePath } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-xl border border-stone-200 bg-white p-6">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-stone-500">
        Demo accounts: shopper@example.com / shopper-demo, operator@example.com / operator-demo.
      </p>
      <LoginForm callbackUrl={sameSitePath(callbackUrl)} />
    </div>
  );
}
