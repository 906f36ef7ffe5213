import { useTranslations } from "next-intl";

/** The Pay button: disabled while the provider's answer is pending, and says so. */
export function PayButton({
  pending,
  disabled = false,
  label,
  wide = false,
}: {
  pending: boolean;
  disabled?: boolean;
  label: string;
  wide?: boolean;
}) {
  const t = useTranslations("Checkout");
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      className={`rounded-md bg-brand-600 px-5 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-60 ${wide ? "w-full py-3 text-lg" : "py-2.5"}`}
    >
      {pending ? t("paying") : label}
    </button>
  );
}

export function FormMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
      {message}
    </p>
  );
}
