import { TEST_CARDS } from "@/lib/emulators/test-cards";

/** The emulators' shared test-card catalogue, for the shop's autofill (only offered against emulators). */
export function GET() {
  return Response.json(
    { cards: TEST_CARDS.map((card) => ({ number: card.number, brand: card.brand, description: card.description })) },
    { headers: { "cache-control": "no-store", "access-control-allow-origin": "*" } },
  );
}
