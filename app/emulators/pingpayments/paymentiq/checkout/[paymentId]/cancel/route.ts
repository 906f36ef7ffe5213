import { cancelCheckout } from "@/lib/emulators/pingpayments/hosted";
import { buttonRefusal, seeOther } from "@/lib/emulators/form-redirect";

export async function POST(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  const { paymentId } = await params;
  return seeOther(request, await cancelCheckout(paymentId), `/emulators/pingpayments/paymentiq/checkout/${paymentId}`);
}
