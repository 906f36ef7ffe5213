import { queryTransaction } from "@/lib/emulators/pingpong/api";

export const POST = (request: Request) => queryTransaction(request);
