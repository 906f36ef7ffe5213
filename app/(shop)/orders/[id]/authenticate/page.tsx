import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ThreeDsHandoff } from "@/components/checkout/three-ds-handoff";
import { browserExtensions } from "@/lib/checkout-config";
import { loadOrderForViewer } from "@/lib/order-view";
import { nextActionOf } from "@/lib/payments/provider-outcome";

export async function generateMetadata() {
  return { title: (await getTranslations("OrderPage"))("threeDsTitle") };
}

/** Where checkout sends a card payment that needs 3-D Secure through the provider's browser script. */
export default async function AuthenticatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ attempt?: string }>;
}) {
  const { id } = await params;
  const { attempt } = await searchParams;
  const view = await loadOrderForViewer(id);
  if (!view) notFound();
  const payment = view.attempts.find((p) => p.id === attempt) ?? view.latest;
  const orderUrl = `/orders/${id}${payment ? `?attempt=${payment.id}` : ""}`;
  const action = payment && payment.status === "requires_action" ? nextActionOf(payment) : undefined;
  const extension = payment ? browserExtensions()[payment.provider] : undefined;
  if (!payment || !action || action.type !== "redirect" || action.sdkTrigger === undefined || !extension)
    redirect(orderUrl);
  return (
    <ThreeDsHandoff
      extension={extension}
      trigger={action.sdkTrigger}
      orderUrl={orderUrl}
      requestId={payment.providerData?.riskRequestId ?? payment.id}
      merchantUserId={view.order.userId ?? ""}
    />
  );
}
