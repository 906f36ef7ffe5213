import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { answerSigning, stepResponse } from "@/lib/emulators/pingpong/oneclick";

/** The signing page's "Agree and link" (plain HTML form): token ACTIVE, SIGN SUCCESS, 303 to merchantResultUrl. */
export async function POST(request: Request, { params }: { params: Promise<{ signingId: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  return stepResponse(request, await answerSigning((await params).signingId, true));
}
