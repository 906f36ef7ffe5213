import { buttonRefusal } from "@/lib/emulators/form-redirect";
import { stepResponse, unlinkInWallet } from "@/lib/emulators/pingpong/oneclick";

/** The wallet app's "Unlink" (plain HTML form): token REVOKED, UNBIND notification (WALLET), back to the app page. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  return stepResponse(request, await unlinkInWallet((await params).token));
}
