import { handleApi } from "@/lib/emulators/antom/api";

/** Antom's payments API: pay, capture, cancel, refund, inquiryPayment, inquiryRefund (POST JSON, signed). */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  return handleApi(request, action);
}
