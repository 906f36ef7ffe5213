import { authorize } from "@/lib/emulators/pingpong/oneclick";

export const POST = (request: Request) => authorize(request);
