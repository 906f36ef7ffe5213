import { bind } from "@/lib/emulators/pingpong/oneclick";

export const POST = (request: Request) => bind(request);
