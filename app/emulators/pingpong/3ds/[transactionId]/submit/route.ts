import { formText } from "@/lib/emulators/form-redirect";
import { submitChallenge, toResponse } from "@/lib/emulators/pingpong/hosted";

/** The bank's one-time-code form posts here (plain HTML form). */
export async function POST(request: Request, { params }: { params: Promise<{ transactionId: string }> }) {
  const { transactionId } = await params;
  const form = await formText(request);
  if (form instanceof Response) return form;
  return toResponse(request, await submitChallenge(transactionId, form.code ?? ""));
}
