import { findEmulator } from "@/lib/emulators";
import { controlReadByReference } from "@/lib/emulators/control-access";

/** QA: GET ?reference=<the merchant's reference> → {reference, count, charges: [{id, status}]}: what the provider recorded. */
export const GET = controlReadByReference(async (provider, reference) => {
  // The guard refused an unknown provider.
  const charges = await findEmulator(provider)!.charges(reference);
  return Response.json({ reference, count: charges.length, charges }, { headers: { "cache-control": "no-store" } });
});
