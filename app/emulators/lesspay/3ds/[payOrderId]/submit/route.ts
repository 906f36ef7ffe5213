import { finishChallenge } from "@/lib/emulators/lesspay/api";
import { formText, stepResponse } from "@/lib/emulators/lesspay/hosted";

/** The bank's one-time-code form posts here (plain HTML form); 303 to success_url or fail_url. */
export async function POST(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  return stepResponse(
    request,
    await finishChallenge(payOrderId, form.code ?? ""),
    `/emulators/lesspay/3ds/${payOrderId}`,
  );
}
