import { submitCashier } from "@/lib/emulators/lesspay/api";
import { formText, stepResponse } from "@/lib/emulators/lesspay/pages";

/** The cashier's card form posts here (plain HTML form); 303 to success_url, fail_url or the 3DS page. */
export async function POST(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  const step = submitCashier(payOrderId, await formText(request));
  return stepResponse(request, step, `/emulators/lesspay/cashier/${payOrderId}`);
}
