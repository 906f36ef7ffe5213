import { isStandaloneEmulators } from "@/lib/serve-mode";
import { DEFAULT_CURRENCY } from "@/lib/money";

/**
 * Ready when the shop database is migrated and seeded (start-up scripts and tests wait on it).
 * Serving the emulators alone (SERVE=emulators): ready when their database is migrated, and the
 * shop's is never opened (its module is not even loaded).
 */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  if (isStandaloneEmulators()) {
    const { emulatorsHealth } = await import("@/lib/emulators/health");
    return Response.json({ ok: true, serve: "emulators", ...emulatorsHealth() }, { headers });
  }
  const { listProducts } = await import("@/lib/db/queries/products");
  const products = listProducts(DEFAULT_CURRENCY).length;
  return Response.json({ ok: true, products }, { headers });
}
