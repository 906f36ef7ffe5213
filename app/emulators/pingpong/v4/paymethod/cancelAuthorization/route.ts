import { cancelAuthorization } from "@/lib/emulators/pingpong/oneclick";

export const POST = (request: Request) => cancelAuthorization(request);
