import { submitCard } from "@/lib/emulators/pingpayments/hosted";
import { formText, seeOther } from "@/lib/emulators/form-redirect";

/** The PaymentIQ card form posts here (plain HTML form: works without JavaScript). */
export async function POST(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  const step = await submitCard(paymentId, {
    cardholder: form.cardholder ?? "",
    number: form.cardNumber ?? "",
    expiry: form.expiry ?? "",
    cvc: form.cvc ?? "",
  });
  return seeOther(request, step, `/emulators/pingpayments/paymentiq/checkout/${paymentId}`);
}
