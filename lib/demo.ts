import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { resetShopData } from "@/lib/db/client";
import { countOrders } from "@/lib/db/queries/orders";
import { controlRequest } from "@/lib/emulator-control";
import { settings } from "@/lib/env";
import { placeOrder } from "@/lib/orders";
import { isEmulated, providerDescriptors } from "@/lib/payments/registry";
import { startPayment } from "@/lib/payments/start-payment";

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
 * Demo mode: both databases back to the seed, then each provider's sample orders (its
 * descriptor's `demoOrders`) across statuses, made through the providers' emulators like any
 * other payment.
 */
export async function resetDemo(): Promise<{ orders: number }> {
  const providers = providerDescriptors().filter((provider) => provider.demoOrders?.length);
  if (!providers.every(isEmulated)) throw new Error("Demo reset needs the emulators (a real provider is configured)");
  const emulatorsBase = settings().EMULATORS_URL;
  const answer = await controlRequest(`${emulatorsBase}/control/reset`, { method: "POST" });
  if (!answer.ok) throw new Error(`The emulators could not reset (HTTP ${answer.status})`);
  await resetShopData();
  const card = await catalogueCards(emulatorsBase);

  for (const provider of providers) {
    for (const sample of provider.demoOrders ?? []) {
      const userId = sample.signedIn ? DEMO_SHOPPER : null;
      const order = await placeOrder({
        cart: [{ productId: `prd_${sample.product}`, quantity: sample.quantity }],
        currency: "USD",
        contact: contact(sample.email, sample.name),
        userId,
        checkoutToken: randomUUID(),
      });
      await startPayment({
        orderId: order.id,
        idempotencyKey: randomUUID(),
        userId,
        provider: provider.id,
        method: sample.method,
        card: sample.card && card(sample.card.brand, sample.card.outcome, sample.card.reason, sample.name),
      });
    }
  }
  return { orders: await countOrders() };
}
