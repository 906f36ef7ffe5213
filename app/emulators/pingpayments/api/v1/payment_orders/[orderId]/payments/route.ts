import { createPayment, unknownRoute } from "@/lib/emulators/pingpayments/api";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return createPayment(request, (await params).orderId, new URL(request.url).origin);
}

/** The docs show no list of an order's payments: 404 in the errors shape. */
export const GET = unknownRoute;
