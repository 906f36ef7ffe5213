import { unifiedPay } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => unifiedPay(request);
