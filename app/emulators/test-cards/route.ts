import { testCards } from "@/lib/emulators/test-cards";

// Read at request time (never prerendered): the build output must hold no card number.
export const dynamic = "force-dynamic";

/** The emulators' shared test-card catalogue, for the shop's autofill (only offered against emulators). */
export function GET() {
  return Response.json(
    {
      cards: testCards().map((card) => ({
        number: card.number,
        brand: card.brand,
        outcome: card.outcome,
        description: card.description,
      })),
    },
    { headers: { "cache-control": "no-store", "access-control-allow-origin": "*" } },
  );
}
