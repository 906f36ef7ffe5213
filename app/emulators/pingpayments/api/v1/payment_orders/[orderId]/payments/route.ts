import { createPayment } from "@/lib/emulators/pingpayments/api";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return createPayment(request, (await params).orderId, new URL(request.url).origin);
}
