import { chargesFor } from "@/lib/emulators/control";
import { controlReadByReference } from "@/lib/emulators/control-access";

/** QA: GET ?reference=<the merchant's reference> → {reference, count, charges: [{id, status}]}: what the provider recorded. */
export const GET = controlReadByReference((provider, reference) => {
  const charges = chargesFor(provider, reference);
  return Response.json({ reference, count: charges.length, charges }, { headers: { "cache-control": "no-store" } });
});
