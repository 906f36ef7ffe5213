import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { orderIdFrom, paymentsOf } from "./support/shop";

/**
 * Issue 16, acceptance 3: a shopper whose browser asks for Chinese (no cookie, no switch) pays
 * end to end in Chinese: a card with 3-D Secure, and a QR code scanned with a phone. Every page on
 * the way, the shop's and the provider's, is read in Chinese and says so in `<html lang>`.
 */
test.use({ locale: "zh-CN" });

async function expectChinese(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
}

/** Puts one product in the cart and fills the checkout's contact fields, all through their Chinese labels. */
async function checkoutInChinese(page: Page, slug: string, email: string) {
  await page.goto(`/products/${slug}`);
  await expectChinese(page);
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByRole("status")).toHaveText("已加入购物车。");
  await page.goto("/cart");
  await page.getByRole("link", { name: "去结算" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("结算");
  await expectChinese(page);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("姓名", { exact: true }).fill("王小明");
  await page.getByLabel("街道地址").fill("南京路 100 号");
  await page.getByLabel("城市").fill("上海");
  await page.getByLabel("邮政编码").fill("200001");
}

test(
  "a Chinese shopper pays by card with 3-D Secure, in Chinese from the cart to the paid order",
  { tag: ["@parity", "@antom"] },
  async ({ page }) => {
    await checkoutInChinese(page, "walnut-notebook", "zh-card-3ds@example.com");
    await expect(page.getByRole("radio", { name: "银行卡", exact: true })).toBeChecked();
    const card = page.getByTestId("card-fields");
    // A test card its bank challenges (the emulators' catalogue).
    await card.getByLabel("卡号").fill("4000 0000 0000 3220");
    await card.getByLabel("有效期（月/年）").fill("12/34");
    await card.getByLabel(/^安全码/).fill("737");
    await card.getByLabel("持卡人姓名").fill("Wang Xiaoming");
    await page.getByRole("button", { name: /^支付 / }).click();

    // The bank's page, in the language the shop gave the provider with the payment.
    await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);
    await expectChinese(page);
    await expect(page.getByRole("heading", { name: "确认此笔付款" })).toBeVisible();
    await page.getByLabel("一次性验证码").fill("123456");
    await page.getByRole("button", { name: "确认" }).click();

    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expectChinese(page);
    await expect(page.getByTestId("order-status")).toHaveText("已付款");
    expect(paymentsOf(orderIdFrom(page.url())).map((payment) => [payment.provider, payment.status])).toEqual([
      ["antom", "succeeded"],
    ]);
  },
);

test(
  "a Chinese shopper pays by QR code: the code, the phone's page and the paid order, all in Chinese",
  { tag: ["@parity", "@pingpong"] },
  async ({ page, context }) => {
    await checkoutInChinese(page, "stoneware-mug-set", "zh-qr@example.com");
    await page.getByRole("radio", { name: "AlipayHK", exact: true }).check();
    await page.getByRole("button", { name: /^支付 / }).click();

    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expectChinese(page);
    await expect(page.getByRole("img", { name: "使用AlipayHK付款的二维码" })).toBeVisible();
    await expect(page.getByTestId("qr-countdown")).toContainText("剩余有效时间");
    await expect(page.getByTestId("order-status")).toHaveText("等待付款");

    // The phone: the address the QR code holds, opened in the same Chinese browser.
    const scanUrl = await page.getByTestId("qr-link").getAttribute("href");
    const phone = await context.newPage();
    await phone.goto(scanUrl!);
    await expectChinese(phone);
    await phone.getByRole("button", { name: "确认付款" }).click();
    await expect(phone.getByTestId("pingpong-wallet-status")).toHaveText(/付款成功/);
    await phone.close();

    // The order page turns paid by itself.
    await expect(page.getByTestId("order-status")).toHaveText("已付款");
    expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("succeeded");
  },
);
