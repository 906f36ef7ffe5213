// The checkout form as the crash and concurrency tests post it over HTTP (with postAction and
// actionId of ./web-fixtures, as the browser's form does).
import { cartCookie } from "./cart-cookie";

/** The checkout form of a one-beanie cart, paid with `paymentMethod` (`provider:method`), and the cart cookie it needs. */
export function checkoutForm(
  paymentMethod: string,
  checkoutToken: string,
  card?: { number: string; expiry: string; cvc: string; holder: string },
) {
  const fields: Record<string, string> = {
    checkoutToken,
    email: "crash-tester@example.com",
    name: "Crash Tester",
    addressLine: "1 Test Street",
    city: "Testville",
    postalCode: "12345",
    country: "SE",
    paymentMethod,
    ...(card ? { cardNumber: card.number, cardExpiry: card.expiry, cardCvc: card.cvc, cardHolder: card.holder } : {}),
  };
  const cookie = cartCookie();
  return { fields, cookie };
}
