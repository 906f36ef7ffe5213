import { riskInit, riskPreflight } from "@/lib/emulators/pingpong/risk";

export const POST = (request: Request) => riskInit(request);
export const OPTIONS = () => riskPreflight();
