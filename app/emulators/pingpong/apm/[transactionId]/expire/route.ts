import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { expireWallet, toResponse } from "@/lib/emulators/pingpong/hosted";

/** QA hook: the QR code (or wallet session) expires at once; a plain form or an empty body. */
export async function POST(request: Request, { params }: { params: Promise<{ transactionId: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  return toResponse(request, expireWallet((await params).transactionId));
}
