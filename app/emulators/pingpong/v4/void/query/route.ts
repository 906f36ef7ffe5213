import { queryVoid } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => queryVoid(request);
