import { submitCashier } from "@/lib/emulators/lesspay/api";
import { formText, stepResponse } from "@/lib/emulators/lesspay/hosted";

/** The cashier's card form posts here (plain HTML form); 303 to success_url, fail_url or the 3DS page. */
export async function POST(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  const step = await submitCashier(payOrderId, form);
  return stepResponse(request, step, `/emulators/lesspay/cashier/${payOrderId}`);
}
