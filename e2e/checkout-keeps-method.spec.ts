import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, orderIdFrom, readShopDatabase } from "./support/shop";

const ANTOM = { riskCheck: false };

/** Expects the Card choice made, Antom processing it. */
async function expectAntomCardChosen(page: Page) {
  await expect(page.getByRole("radio", { name: "Card", exact: true })).toBeChecked();
  await expect(page.getByLabel("Card processor")).toHaveValue("antom:card");
}
const cardNumber = (page: Page) => page.getByTestId("card-fields").getByLabel("Card number");
const pay = (page: Page) => page.getByRole("button", { name: /^Pay / }).click();

/** The providers of an order's payment attempts, oldest first. */
function providersOf(orderId: string): string[] {
  return readShopDatabase(
    (db) =>
      db.prepare("select provider from payments where order_id = ? order by created_at, id").all(orderId) as {
        provider: string;
      }[],
  ).map((row) => row.provider);
}

/** Checks out with Antom's card (`number`) and the street address left empty: the shop refuses it. */
async function payWithoutStreetAddress(page: Page, email: string, number: string) {
  await checkoutWith(page, "stoneware-mug-set", email);
  await choosePaymentMethod(page, "Card", "Antom");
  await fillCardForm(page, { number, holder: "Ann Tom" }, ANTOM);
  await page.getByLabel("Street address").fill("");
  await pay(page);
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
}

test.describe("checkout keeps the chosen method", { tag: ["@shop"] }, () => {
  test("a refused checkout keeps Antom's card chosen and filled, and the next Pay goes to Antom", async ({ page }) => {
    await payWithoutStreetAddress(page, "keeps-method@example.com", "4111 1111 1111 1111");
    await expectAntomCardChosen(page);
    await expect(cardNumber(page)).toHaveValue("4111 1111 1111 1111");
    await page.getByLabel("Street address").fill("Storgatan 1");
    await pay(page);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(providersOf(orderIdFrom(page.url()))).toEqual(["antom"]);
  });

  test("after a refused submit, focus is on the first field with an error, a card field when it is the first", async ({
    page,
  }) => {
    // The number fails the Luhn check: the card is wrong too, but the street address comes first.
    await payWithoutStreetAddress(page, "keeps-method-focus@example.com", "4111 1111 1111 1112");
    await expect(page.getByLabel("Street address")).toBeFocused();

    await page.getByLabel("Street address").fill("Storgatan 1");
    await pay(page);
    await expect(page.getByText("Please check the card details.")).toBeVisible();
    await expect(cardNumber(page)).toBeFocused();
  });

  test("a retry after a decline starts on the declined attempt's method", async ({ page }) => {
    await checkoutWith(page, "merino-beanie", "keeps-method-retry@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 9995", holder: "Ann Tom" }, ANTOM);
    await pay(page);
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");

    await expectAntomCardChosen(page);
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Try again: pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(providersOf(orderIdFrom(page.url()))).toEqual(["antom", "antom"]);
  });
});
