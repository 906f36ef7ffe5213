import { expect, type Page } from "@playwright/test";

/**
 * Page objects of the emulators' hosted pages: what a shopper (or a phone) does on them.
 * PaymentIQ's checkout is `payOnPaymentIq` in ./shop.
 */

/** The issuing bank's 3-D Secure page (PingPong, Antom and Lesspay share it). */
export async function answerChallenge(page: Page, code = "123456") {
  await expect(page).toHaveURL(/\/emulators\/(pingpong|antom|lesspay)\/3ds\//);
  await page.getByLabel("One-time code").fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
}

/** Leave the bank's page without answering (the "abandon" outcome). */
export async function abandonChallenge(page: Page) {
  await page.getByRole("link", { name: "Leave without confirming (abandon)" }).click();
}

/** A wallet page (PingPong's QR scan page or Alipay redirect page): approve or cancel. */
export async function answerWallet(page: Page, approve = true) {
  await expect(page).toHaveURL(/\/emulators\/pingpong\/apm\/.+\/(scan|pay)$/);
  await page.getByRole("button", { name: approve ? "Approve payment" : "Cancel payment" }).click();
}

/** PingPong one-click: the wallet's signing page. */
export async function answerWalletSigning(page: Page, agree = true) {
  await expect(page).toHaveURL(/\/emulators\/pingpong\/wallet\/sign\//);
  await page.getByRole("button", { name: agree ? "Agree and link" : "Decline" }).click();
}

/** Lesspay's hosted cashier: a card, then Pay now. */
export async function payOnLesspayCashier(page: Page, number: string) {
  await expect(page).toHaveURL(/\/emulators\/lesspay\/cashier\//);
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("737");
  await page.getByLabel("Name on card").fill("Les Pay");
  await page.getByRole("button", { name: "Pay now" }).click();
}
