import { createPaymentOrder } from "@/lib/emulators/pingpayments/api";

export const POST = (request: Request) => createPaymentOrder(request);
