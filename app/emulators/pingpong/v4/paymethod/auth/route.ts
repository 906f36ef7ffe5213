import { auth } from "@/lib/emulators/pingpong/oneclick";

export const POST = (request: Request) => auth(request);
