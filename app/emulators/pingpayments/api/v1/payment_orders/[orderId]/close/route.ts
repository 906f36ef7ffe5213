import { closePaymentOrder } from "@/lib/emulators/pingpayments/api";

export async function PUT(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return closePaymentOrder(request, (await params).orderId);
}
