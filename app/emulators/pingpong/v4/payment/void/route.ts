import { voidPayment } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => voidPayment(request);
