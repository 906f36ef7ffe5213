import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { authorizeInWallet, stepResponse } from "@/lib/emulators/pingpong/oneclick";

/** The legacy (deprecated) auth page's "Authorize": 303 to merchantResultUrl with ?code=<one-time code>. */
export async function POST(request: Request, { params }: { params: Promise<{ authId: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  return stepResponse(request, await authorizeInWallet((await params).authId));
}
