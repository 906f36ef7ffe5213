import { authorizeInWallet, stepResponse } from "@/lib/emulators/pingpong/oneclick";

/** The legacy (deprecated) auth page's "Authorize": 303 to merchantResultUrl with ?code=<one-time code>. */
export async function POST(request: Request, { params }: { params: Promise<{ authId: string }> }) {
  return stepResponse(request, authorizeInWallet((await params).authId));
}
