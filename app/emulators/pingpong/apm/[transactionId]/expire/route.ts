import { controlClosedRefusal } from "@/lib/emulators/control-access";
import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { expireWallet, toResponse } from "@/lib/emulators/pingpong/hosted";

/**
 * QA hook: the QR code (or wallet session) expires at once; a plain form or an empty body. Part of
 * the control plane (no provider offers it): closed with it (EMULATOR_CONTROL=closed).
 */
export async function POST(request: Request, { params }: { params: Promise<{ transactionId: string }> }) {
  const refused = controlClosedRefusal() ?? (await buttonRefusal(request));
  if (refused) return refused;
  return toResponse(request, await expireWallet((await params).transactionId));
}
