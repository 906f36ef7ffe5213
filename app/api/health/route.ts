import { listProducts } from "@/lib/db/queries/products";
import { DEFAULT_CURRENCY } from "@/lib/money";

/**
 * Ready when the shop database is migrated and seeded (start-up scripts and tests wait on it).
 * Serving the emulators alone (SERVE=emulators), proxy.ts answers this path itself.
 */
export async function GET() {
  const products = (await listProducts(DEFAULT_CURRENCY)).length;
  return Response.json({ ok: true, products }, { headers: { "cache-control": "no-store" } });
}
