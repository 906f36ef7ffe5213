import { queryRefund } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => queryRefund(request);
