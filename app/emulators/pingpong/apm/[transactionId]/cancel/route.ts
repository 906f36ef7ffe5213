import { toResponse, walletAnswer } from "@/lib/emulators/pingpong/hosted";

export async function POST(request: Request, { params }: { params: Promise<{ transactionId: string }> }) {
  return toResponse(request, walletAnswer((await params).transactionId, false));
}
