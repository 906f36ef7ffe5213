import { getPaymentOrder } from "@/lib/emulators/pingpayments/api";

export async function GET(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return getPaymentOrder(request, (await params).orderId);
}
