import { settlePaymentOrder } from "@/lib/emulators/pingpayments/api";

export async function PUT(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return settlePaymentOrder(request, (await params).orderId);
}
