import { refund } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => refund(request);
