import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { resetShopData } from "@/lib/db/client";
import { listOrdersForOperator } from "@/lib/db/queries/orders";
import { controlRequest, controlUrl } from "@/lib/emulator-control";
import { placeOrder } from "@/lib/orders";
import { startPayment } from "@/lib/payments/service";

const DEMO_SHOPPER = "usr_demo_shopper";
const contact = (email: string, name: string) => ({
  email,
  name,
  addressLine: "Storgatan 1",
  city: "Stockholm",
  postalCode: "111 22",
  country: "SE",
});

type CatalogueCard = { number: string; brand: string; outcome: { kind: string; reason?: string } };

/**
 * The demo's cards come from the emulators' catalogue over HTTP, like the checkout's autofill:
 * the shop's own code holds no card number, and any security code passes at the emulators.
 */
async function catalogueCards(emulatorsBase: string) {
  const answer = await fetch(`${emulatorsBase}/test-cards`, { cache: "no-store" });
  if (!answer.ok) throw new Error(`The emulators' test cards are not available (HTTP ${answer.status})`);
  const { cards } = (await answer.json()) as { cards: CatalogueCard[] };
  return (brand: string, kind: string, reason?: string, holderName = "Demo Shopper") => {
    const found = cards.find(
      (c) => c.brand === brand && c.outcome.kind === kind && (reason === undefined || c.outcome.reason === reason),
    );
    if (!found) throw new Error(`No ${brand} test card that ends ${kind} in the emulators' catalogue`);
    return {
      number: found.number,
      expiryMonth: "12",
      expiryYear: "2034",
      cvc: String(randomInt(100, 1000)),
      holderName,
    };
  };
}

/**
 * Demo mode: both databases back to the seed, then a handful of sample orders across providers
 * and statuses, made through the providers' emulators like any other payment.
 */
export async function resetDemo(): Promise<{ orders: number }> {
  const emulators = controlUrl("pingpong");
  if (!emulators) throw new Error("Demo reset needs the emulators (a real provider is configured)");
  const emulatorsBase = emulators.replace(/\/control\/pingpong$/, "");
  const answer = await controlRequest(`${emulatorsBase}/control/reset`, { method: "POST" });
  if (!answer.ok) throw new Error(`The emulators could not reset (HTTP ${answer.status})`);
  resetShopData();
  const card = await catalogueCards(emulatorsBase);

  const sample = async (
    slug: string,
    quantity: number,
    email: string,
    name: string,
    pay: Omit<Parameters<typeof startPayment>[0], "orderId" | "idempotencyKey">,
    userId: string | null = null,
  ) => {
    const order = placeOrder({
      cart: [{ productId: `prd_${slug}`, quantity }],
      currency: "USD",
      contact: contact(email, name),
      userId,
      checkoutToken: randomUUID(),
    });
    return startPayment({ orderId: order.id, idempotencyKey: randomUUID(), userId, ...pay });
  };
  await sample(
    "stoneware-mug-set",
    2,
    "shopper@example.com",
    "Sam Shopper",
    { provider: "antom", method: "card", card: card("Visa", "approve", undefined, "Sam Shopper") },
    DEMO_SHOPPER,
  );
  await sample(
    "mechanical-keyboard",
    1,
    "shopper@example.com",
    "Sam Shopper",
    { provider: "antom", method: "card", card: card("Mastercard", "approve", undefined, "Sam Shopper") },
    DEMO_SHOPPER,
  );
  await sample("merino-beanie", 1, "dana@example.com", "Dana Decline", {
    provider: "antom",
    method: "card",
    card: card("Visa", "decline", "insufficient_funds", "Dana Decline"),
  });
  await sample("walnut-notebook", 1, "les@example.com", "Les Pay", {
    provider: "lesspay",
    method: "card",
    card: card("Visa", "approve", undefined, "Les Pay"),
  });
  await sample("pour-over-kettle", 1, "qr@example.com", "Quinn Rivers", { provider: "pingpong", method: "alipayhk" });
  await sample("nordic-wool-throw", 1, "piq@example.com", "Pia Ping", { provider: "pingpayments", method: "card" });
  return { orders: listOrdersForOperator().length };
}
