import { cancelCashier } from "@/lib/emulators/lesspay/api";
import { stepResponse } from "@/lib/emulators/lesspay/hosted";

/** The cashier's Cancel link: the order FAILED, 303 to fail_url. */
export async function GET(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  return stepResponse(request, await cancelCashier(payOrderId), `/emulators/lesspay/cashier/${payOrderId}`);
}
