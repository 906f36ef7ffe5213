import Database from "better-sqlite3";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { E2E_SHOP_DATABASE } from "./env";

/** Page object of the shop: the steps a shopper takes. */
export async function addProductToCart(page: Page, slug: string, quantity = 1) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toHaveText("Added to your cart.");
}

export async function fillCheckout(page: Page, contact: { email?: string; name?: string } = {}) {
  await page.getByLabel("Email").fill(contact.email ?? "guest@example.com");
  await page.getByLabel("Full name").fill(contact.name ?? "Greta Guest");
  await page.getByLabel("Street address").fill("Storgatan 1");
  await page.getByLabel("City").fill("Stockholm");
  await page.getByLabel("Postal code").fill("111 22");
}

/** Page object of the emulator's PaymentIQ hosted checkout. */
export async function payOnPaymentIq(page: Page, card: { number: string; cardholder?: string }) {
  await expect(page).toHaveURL(/\/emulators\/pingpayments\/paymentiq\/checkout\//);
  await page.getByLabel("Cardholder name").fill(card.cardholder ?? "Greta Guest");
  await page.getByLabel("Card number").fill(card.number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Signs in and waits until the session is set (the login page is left), unless a failure is expected. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  callbackUrl = "/account",
  options: { expectFailure?: boolean } = {},
) {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!options.expectFailure) await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Reads what the shop stored (read-only) to check payment rows and their events. */
export function readShopDatabase<T>(query: (db: Database.Database) => T): T {
  const db = new Database(E2E_SHOP_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/**
 * Chooses a payment method by its old label and provider. A card method ("Card", "Antom"), or a
 * provider's card page ("Card via PaymentIQ", "Ping Payments"), is the one Card choice with its
 * processor set by the QA toggle; a wallet or QR method ("AlipayHK", "PingPongCheckout") is its own choice.
 */
/**
 * Waits until React has hydrated the element (it then carries React's own props key): a click
 * after it is handled by React (a server action's redirect is a client-side navigation), not by
 * the browser's native form post.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))))
    .toBe(true);
}

export async function choosePaymentMethod(page: Page, label: string, provider: string) {
  if (!label.startsWith("Card")) {
    await page.getByRole("radio", { name: label, exact: true }).check();
    return;
  }
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page
    .getByLabel("Card processor")
    .selectOption({ label: label === "Card" ? provider : `${provider} · ${label}` });
}

/** Types a card into the shop's card form and waits for the provider's risk check. */
export async function fillCardForm(
  page: Page,
  card: { number: string; expiry?: string; cvc?: string; holder?: string },
  options: { riskCheck?: boolean } = {},
) {
  const form = page.getByTestId("card-fields");
  await form.getByLabel("Card number").fill(card.number);
  await form.getByLabel("Expiry (MM/YY)").fill(card.expiry ?? "12/34");
  await form.getByLabel(/Security code/).fill(card.cvc ?? "737");
  await form.getByLabel("Name on card").fill(card.holder ?? "Pat Pong");
  if (options.riskCheck ?? true) await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "done");
}

/** Puts one product in the cart and fills checkout up to the payment method. */
export async function checkoutWith(page: Page, slug: string, email: string) {
  await addProductToCart(page, slug);
  await page.goto("/checkout");
  await fillCheckout(page, { email });
}

export function orderIdFrom(url: string): string {
  const match = /\/orders\/(ord_[a-z0-9]+)/.exec(url);
  if (!match) throw new Error(`not an order page: ${url}`);
  return match[1];
}

export interface PaymentRow {
  id: string;
  provider: string;
  status: string;
  amount: number;
  currency: string;
  refunded_amount: number;
  failure_message: string | null;
  provider_payment_id: string;
  card_brand: string | null;
  card_first6: string | null;
  card_last4: string | null;
}

export function paymentsOf(orderId: string): PaymentRow[] {
  return readShopDatabase(
    (db) =>
      db.prepare("select * from payments where order_id = ? order by created_at, id").all(orderId) as PaymentRow[],
  );
}

/** A paid PingPong order (Alipay by redirect, approved on the wallet page); answers its payment row. */
export async function paidByAlipayRedirect(page: Page, slug: string, email: string): Promise<PaymentRow> {
  await checkoutWith(page, slug, email);
  await choosePaymentMethod(page, "Alipay", "PingPongCheckout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  return paymentsOf(orderIdFrom(page.url()))[0];
}

/** An operator in a browser context of its own (confirmations accepted), on `path`. */
export async function operatorOn(browser: Browser, path: string): Promise<Page> {
  const operator = await (await browser.newContext()).newPage();
  operator.on("dialog", (dialog) => void dialog.accept());
  await signIn(operator, "operator@example.com", "operator-demo", path);
  return operator;
}

/**
 * Holds back the answers to the server actions posted to `url` (a glob) until the returned release
 * is called, to see what the page shows while an action is pending.
 */
export async function holdServerActions(page: Page, url: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await held;
    await route.continue();
  });
  return release;
}
