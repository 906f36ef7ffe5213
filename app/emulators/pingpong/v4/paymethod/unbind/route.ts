import { unbind } from "@/lib/emulators/pingpong/oneclick";

export const POST = (request: Request) => unbind(request);
