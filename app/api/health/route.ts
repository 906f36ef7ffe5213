import { listProducts } from "@/lib/db/queries/products";
import { DEFAULT_CURRENCY } from "@/lib/money";

/** Ready when the shop database is migrated and seeded (start-up scripts and tests wait on it). */
export function GET() {
  const products = listProducts(DEFAULT_CURRENCY).length;
  return Response.json({ ok: true, products }, { headers: { "cache-control": "no-store" } });
}
