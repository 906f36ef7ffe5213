import { timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth-secret";
import { resetDemo } from "@/lib/demo";

/**
 * `npm run demo:reset` calls this with the shop's own secret (AUTH_SECRET or data/auth-secret):
 * both databases back to the seed plus sample orders. Operators use the console button instead.
 */
export async function POST(request: Request) {
  const key = Buffer.from(request.headers.get("x-demo-key") ?? "");
  const secret = Buffer.from(authSecret());
  if (key.length !== secret.length || !timingSafeEqual(key, secret))
    return Response.json({ error: "Unknown demo key" }, { status: 403 });
  try {
    return Response.json(await resetDemo());
  } catch (error) {
    return Response.json({ error: error instanceof Error ? error.message : String(error) }, { status: 409 });
  }
}
