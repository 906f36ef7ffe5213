import { submitChallenge } from "@/lib/emulators/pingpayments/hosted";
import { formText, seeOther } from "@/lib/emulators/form-redirect";

export async function POST(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  return seeOther(
    request,
    await submitChallenge(paymentId, form.code ?? ""),
    `/emulators/pingpayments/paymentiq/checkout/${paymentId}/challenge`,
  );
}
