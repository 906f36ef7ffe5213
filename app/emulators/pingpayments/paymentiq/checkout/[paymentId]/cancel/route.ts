import { cancelCheckout } from "@/lib/emulators/pingpayments/checkout";
import { seeOther } from "@/lib/emulators/form-redirect";

export async function POST(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  return seeOther(request, cancelCheckout(paymentId), `/emulators/pingpayments/paymentiq/checkout/${paymentId}`);
}
