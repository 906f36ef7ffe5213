import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { checkoutWith, orderIdFrom, paymentsOf, signIn } from "./support/shop";

/** The account's wallets, and the shopper's GCash binding in a given status. */
function walletsOf(page: Page) {
  const wallets = page.getByTestId("linked-wallets");
  const gcash = (status: string) =>
    wallets
      .getByTestId("wallet-binding")
      .filter({ hasText: "GCash" })
      .and(page.locator(`[data-status="${status}"]`));
  return { wallets, gcash };
}

/** Links GCash from the account through the wallet's signing page; active once the notification came. */
async function linkGcash(page: Page) {
  const { wallets, gcash } = walletsOf(page);
  await page.goto("/account");
  await wallets.getByRole("button", { name: "Link GCash" }).click();
  await expect(page).toHaveURL(/\/emulators\/pingpong\/wallet\/sign\//);
  await page.getByRole("button", { name: "Agree and link" }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(gcash("active")).toHaveCount(1);
}

test(
  "one-click wallet: link, pay in one click, unlink from the shop, link again",
  { tag: ["@parity", "@pingpong"] },
  async ({ page }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    const { gcash } = walletsOf(page);
    await linkGcash(page);

    // Pay in one click.
    await checkoutWith(page, "merino-beanie", "shopper@example.com");
    await page.getByRole("radio", { name: /Pay with GCash \(linked\)/ }).check();
    await expect(page.getByTestId("card-fields")).toHaveCount(0);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("succeeded");

    // Unlink from the shop: one-click is gone from checkout.
    await page.goto("/account");
    await gcash("active").getByRole("button", { name: "Unlink" }).click();
    await expect(gcash("active")).toHaveCount(0);
    await checkoutWith(page, "walnut-notebook", "shopper@example.com");
    await expect(page.getByRole("radio", { name: /Pay with GCash \(linked\)/ })).toHaveCount(0);

    // Link again, then unlink from the shop.
    await linkGcash(page);
    await gcash("active").getByRole("button", { name: "Unlink" }).click();
    await expect(gcash("active")).toHaveCount(0);
  },
);

// The wallet's own app is the emulator's page (the account links to it only when the provider is
// emulated): against the real provider, the shopper unlinks in the wallet on their phone.
test(
  "a wallet unlinked in the wallet app is gone from the account and from checkout",
  { tag: ["@emulator-internals", "@pingpong"] },
  async ({ page, context }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    const { gcash } = walletsOf(page);
    await linkGcash(page);
    const walletAppUrl = await gcash("active")
      .getByRole("link", { name: "Open in the wallet app (emulator)" })
      .getAttribute("href");
    const phone = await context.newPage();
    await phone.goto(walletAppUrl!);
    await phone.getByRole("button", { name: "Unlink" }).click();
    await expect(phone.getByText(/Unlinked/)).toBeVisible();
    await phone.close();
    await page.reload();
    await expect(gcash("active")).toHaveCount(0);

    await checkoutWith(page, "walnut-notebook", "shopper@example.com");
    await expect(page.getByRole("radio", { name: /Pay with GCash \(linked\)/ })).toHaveCount(0);
  },
);

test("a declined signing leaves nothing to pay with", { tag: ["@parity", "@pingpong"] }, async ({ page }) => {
  await signIn(page, "shopper@example.com", "shopper-demo");
  await page.goto("/account");
  await page.getByTestId("linked-wallets").getByRole("button", { name: "Link AlipayHK" }).click();
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(
    page
      .getByTestId("wallet-binding")
      .filter({ hasText: "AlipayHK" })
      .and(page.locator('[data-status="declined"]'))
      .first(),
  ).toBeVisible();
  await checkoutWith(page, "walnut-notebook", "shopper@example.com");
  await expect(page.getByRole("radio", { name: /Pay with AlipayHK \(linked\)/ })).toHaveCount(0);
});

test(
  "a wallet linked twice at once is one link: the account offers no second one and checkout lists it once",
  { tag: ["@parity", "@pingpong"] },
  async ({ page, context }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    const gcash = (on: typeof page, status: string) =>
      on
        .getByTestId("linked-wallets")
        .getByTestId("wallet-binding")
        .filter({ hasText: "GCash" })
        .and(on.locator(`[data-status="${status}"]`));

    // Two tabs start linking GCash before either signing is agreed; a third still shows the account as it was.
    const [first, second, stale] = [page, await context.newPage(), await context.newPage()];
    for (const tab of [first, second, stale]) await tab.goto("/account");
    for (const tab of [first, second]) {
      await tab.getByTestId("linked-wallets").getByRole("button", { name: "Link GCash" }).click();
      await expect(tab).toHaveURL(/\/emulators\/pingpong\/wallet\/sign\//);
    }
    for (const tab of [first, second]) {
      await tab.getByRole("button", { name: "Agree and link" }).click();
      await expect(tab).toHaveURL(/\/account/);
    }
    // Both signing results have come (nothing waits any more): one active link.
    await expect(gcash(second, "pending")).toHaveCount(0);
    await expect(gcash(second, "active")).toHaveCount(1);

    // Linked: nothing offers to link it again, and a page from before the link is told so.
    await first.reload();
    await expect(gcash(first, "active")).toHaveCount(1);
    await expect(first.getByTestId("linked-wallets").getByRole("button", { name: "Link GCash" })).toHaveCount(0);
    await stale.getByTestId("linked-wallets").getByRole("button", { name: "Link GCash" }).click();
    await expect(stale.getByTestId("linked-wallets").getByRole("alert")).toHaveText("GCash is already linked.");
    await expect(stale).toHaveURL(/\/account/);

    await checkoutWith(first, "merino-beanie", "shopper@example.com");
    await expect(first.getByRole("radio", { name: /Pay with GCash \(linked\)/ })).toHaveCount(1);

    await first.goto("/account");
    await gcash(first, "active").getByRole("button", { name: "Unlink" }).click();
    await expect(gcash(first, "active")).toHaveCount(0);
    await expect(first.getByTestId("linked-wallets").getByRole("button", { name: "Link GCash" })).toBeVisible();
  },
);
