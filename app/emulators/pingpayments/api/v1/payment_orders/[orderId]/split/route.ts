import { splitPaymentOrder } from "@/lib/emulators/pingpayments/api";

export async function PUT(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return splitPaymentOrder(request, (await params).orderId);
}
