import { getPayment } from "@/lib/emulators/pingpayments/api";

export async function GET(request: Request, { params }: { params: Promise<{ orderId: string; paymentId: string }> }) {
  const { orderId, paymentId } = await params;
  return getPayment(request, orderId, paymentId);
}
