import { stepResponse, unlinkInWallet } from "@/lib/emulators/pingpong/oneclick";

/** The wallet app's "Unlink" (plain HTML form): token REVOKED, UNBIND notification (WALLET), back to the app page. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return stepResponse(request, unlinkInWallet((await params).token));
}
