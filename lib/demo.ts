import "server-only";
import { randomUUID } from "node:crypto";
import { resetShopData } from "@/lib/db/client";
import { listOrdersForOperator } from "@/lib/db/queries/orders";
import { controlUrl } from "@/lib/emulator-control";
import { placeOrder } from "@/lib/orders";
import { startPayment } from "@/lib/payments/service";

const DEMO_SHOPPER = "usr_demo_shopper";
const contact = (email: string, name: string) => ({ email, name, addressLine: "Storgatan 1", city: "Stockholm", postalCode: "111 22", country: "SE" });
const card = (number: string, holderName: string) => ({ number, expiryMonth: "12", expiryYear: "2034", cvc: "737", holderName });

/**
 * Demo mode: both databases back to the seed, then a handful of sample orders across providers
 * and statuses, made through the providers' emulators like any other payment.
 */
export async function resetDemo(): Promise<{ orders: number }> {
  const emulators = controlUrl("pingpong");
  if (!emulators) throw new Error("Demo reset needs the emulators (a real provider is configured)");
  const answer = await fetch(`${emulators.replace(/\/pingpong$/, "")}/reset`, { method: "POST" });
  if (!answer.ok) throw new Error(`The emulators could not reset (HTTP ${answer.status})`);
  resetShopData();

  const sample = async (slug: string, quantity: number, email: string, name: string, pay: Omit<Parameters<typeof startPayment>[0], "orderId" | "idempotencyKey">, userId: string | null = null) => {
    const order = placeOrder({ cart: [{ productId: `prd_${slug}`, quantity }], currency: "USD", contact: contact(email, name), userId, checkoutToken: randomUUID() });
    return startPayment({ orderId: order.id, idempotencyKey: randomUUID(), userId, ...pay });
  };
  await sample("stoneware-mug-set", 2, "shopper@example.com", "Sam Shopper", { provider: "antom", method: "card", card: card("4111111111111111", "Sam Shopper") }, DEMO_SHOPPER);
  await sample("mechanical-keyboard", 1, "shopper@example.com", "Sam Shopper", { provider: "antom", method: "card", card: card("5555555555554444", "Sam Shopper") }, DEMO_SHOPPER);
  await sample("merino-beanie", 1, "dana@example.com", "Dana Decline", { provider: "antom", method: "card", card: card("4000000000009995", "Dana Decline") });
  await sample("walnut-notebook", 1, "les@example.com", "Les Pay", { provider: "lesspay", method: "card", card: card("4111111111111111", "Les Pay") });
  await sample("pour-over-kettle", 1, "qr@example.com", "Quinn Rivers", { provider: "pingpong", method: "alipayhk" });
  await sample("nordic-wool-throw", 1, "piq@example.com", "Pia Ping", { provider: "pingpayments", method: "card" });
  return { orders: listOrdersForOperator().length };
}
