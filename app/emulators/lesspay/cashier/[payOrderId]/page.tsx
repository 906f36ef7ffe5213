import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type CardFormLook, HostedCardForm } from "@/components/emulators/hosted-card-form";
import { cardFormField } from "@/lib/emulators/form-redirect";
import { formErrorText, hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { cashierOpen, challengeUrl } from "@/lib/emulators/lesspay/api";
import { statusName } from "@/lib/emulators/lesspay/config";
import { displayAmount } from "@/lib/emulators/lesspay/hosted";
import { findOrder } from "@/lib/emulators/lesspay/store";
import { pickableTestCards } from "@/lib/emulators/test-cards";

// Language: no language field documented for this page; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("CashierPage"))("title", { provider: "Lesspay" }) };
}
export const dynamic = "force-dynamic";

/** Lesspay's colours on the emulator's cashier (green, as its name suggests; not a published design). */
const LESSPAY_LOOK: CardFormLook = { input: "focus:border-emerald-700", button: "bg-emerald-700 hover:bg-emerald-800" };

/** Lesspay's hosted cashier (pay_access_type 1): the payer enters a card here. */
export default async function LesspayCashier({
  params,
  searchParams,
}: {
  params: Promise<{ payOrderId: string }>;
  searchParams: Promise<{ error?: string; field?: string; code?: string }>;
}) {
  const { payOrderId } = await params;
  const { error, field, code } = await searchParams;
  const t = await getTranslations("CashierPage");
  const page = await getTranslations("HostedPage");
  const message = await formErrorText(error, code);
  const locale = await hostedIntlLocale();
  const order = await findOrder(payOrderId);
  if (!order || order.payAccessType !== 1) notFound();
  const open = cashierOpen(order);
  const back =
    order.status === 2 || (order.status === 1 && order.cardMasked && !order.awaitingChallenge)
      ? order.successUrl
      : order.status === 1 && order.awaitingChallenge
        ? challengeUrl(order)
        : order.failUrl;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div className="space-y-5 rounded-2xl bg-white p-6 shadow-lg">
        <header className="flex items-center justify-between">
          <h1 className="text-sm font-semibold tracking-wide text-emerald-800">Lesspay</h1>
          <span className="text-xs text-slate-600">{t("order", { id: order.requestId })}</span>
        </header>
        <div>
          <p className="text-sm text-slate-600">{order.productName}</p>
          <p className="text-3xl font-semibold text-slate-900" data-testid="lesspay-amount">
            {displayAmount(order.targetAmount, order.targetCurrency, locale)}
          </p>
          <p className="text-xs text-slate-600">{order.description}</p>
        </div>
        {open ? (
          <>
            <HostedCardForm
              action={`/emulators/lesspay/cashier/${order.payOrderId}/submit`}
              names={{ holder: "name", number: "number", expiry: "expiry", cvc: "cvc" }}
              holder={{ label: t("nameOnCard"), required: false, first: false }}
              submitLabel={t("payNow")}
              look={LESSPAY_LOOK}
              testCards={pickableTestCards()}
              initialError={message ? { message, field: cardFormField(field) } : undefined}
            >
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="save" defaultChecked={order.storeRequested} />
                {t("saveCard")}
              </label>
            </HostedCardForm>
            <a
              href={`/emulators/lesspay/cashier/${order.payOrderId}/cancel`}
              className="block text-center text-sm text-slate-600 underline"
            >
              {t("cancel")}
            </a>
          </>
        ) : (
          <p className="text-sm text-slate-700" data-testid="lesspay-cashier-status">
            {t("closed", { status: statusName(order.status).toLowerCase(), reason: order.failReason || "none" })}{" "}
            <a className="text-emerald-800 underline" href={back}>
              {page("returnToMerchant")}
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
