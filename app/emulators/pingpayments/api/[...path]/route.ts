import { unknownRoute } from "@/lib/emulators/pingpayments/api";

/** Anything under the API that is not a documented endpoint: the documented 404 errors shape, not an HTML page. */
export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
