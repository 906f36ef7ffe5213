import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { toResponse, walletAnswer } from "@/lib/emulators/pingpong/hosted";

export async function POST(request: Request, { params }: { params: Promise<{ transactionId: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  return toResponse(request, await walletAnswer((await params).transactionId, false));
}
