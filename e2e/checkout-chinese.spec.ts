import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { holdServerActions, orderIdFrom } from "./support/shop";

/** The English words left in what a shopper reads, once the names that stay as they are (card brands, their badges' letters, AlipayHK) are taken out. */
const englishWordsIn = (text: string) =>
  text.replace(/Visa|VISA|Mastercard|AMEX|JCB|AlipayHK|3-D Secure/g, "").match(/[A-Za-z]{3,}/g) ?? [];

const pay = (page: Page) => page.getByRole("button", { name: /^支付 / });
const cardFields = (page: Page) => page.getByTestId("card-fields");

test.describe("a Chinese shopper's cart and checkout", { tag: ["@shop"] }, () => {
  test.beforeEach(async ({ context, baseURL }) => {
    // The language switch's cookie, and prices in yuan.
    await context.addCookies([
      { name: "NEXT_LOCALE", value: "zh", url: baseURL },
      { name: "currency", value: "CNY", url: baseURL },
    ]);
  });

  test("reads the cart and the checkout in Chinese, and is told in Chinese what to fix, on the first field to fix", async ({
    page,
  }) => {
    await page.goto("/products/merino-beanie");
    await page.getByLabel("数量").fill("2");
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByRole("status")).toHaveText("已加入购物车。");

    // The cart: the product's Chinese name, yuan as Chinese writes them (English would write "CN¥").
    await page.goto("/cart");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page).toHaveTitle(/^购物车/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("购物车");
    const line = page.getByTestId("cart-line");
    await expect(line.getByRole("link", { name: "美利奴毛线帽" })).toBeVisible();
    await expect(line.getByText("单价 ¥209.00")).toBeVisible();
    await expect(line.getByLabel("美利奴毛线帽的数量")).toHaveValue("2");
    await expect(line.getByRole("button", { name: "更新" })).toBeVisible();
    await expect(line.getByRole("button", { name: "删除" })).toBeVisible();
    await expect(page.getByTestId("cart-total")).toHaveText("¥418.00");
    expect(englishWordsIn(await page.getByRole("main").innerText())).toEqual([]);
    await page.getByRole("link", { name: "去结算" }).click();

    // The checkout: its summary, contact fields and the one payment section, all in Chinese.
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("结算");
    await expect(page.getByRole("heading", { name: "订单摘要" })).toBeVisible();
    await expect(page.getByTestId("summary-line")).toContainText("美利奴毛线帽 × 2");
    await expect(page.getByTestId("checkout-total")).toHaveText("¥418.00");
    await expect(page.getByRole("radio", { name: "银行卡", exact: true })).toBeChecked();
    const brands = page.getByRole("list", { name: "支持的银行卡" });
    for (const brand of ["Visa", "Mastercard", "美国运通", "银联", "JCB"])
      await expect(brands.getByRole("img", { name: brand })).toBeVisible();
    for (const name of ["AlipayHK", "微信支付", "支付宝"]) {
      const choice = page.getByTestId("payment-choice").filter({ has: page.getByRole("radio", { name, exact: true }) });
      await expect(choice.getByRole("img", { name })).toBeVisible();
    }
    await expect(page.getByText("用微信扫描二维码。")).toBeVisible();
    await expect(page.getByLabel("国家/地区").locator("option:checked")).toHaveText("瑞典");
    await expect(cardFields(page).getByLabel("有效期（月/年）")).toHaveAttribute("placeholder", "月/年");
    await expect(pay(page)).toHaveText("支付 ¥418.00");
    const form = page.locator("form").filter({ has: pay(page) });
    const read = [
      await form.locator("section").innerText(),
      ...(await page.getByTestId("payment-choice").locator("label").allInnerTexts()),
      ...(await cardFields(page).locator("legend, label").allInnerTexts()),
    ].join(" ");
    expect(englishWordsIn(read)).toEqual([]);

    // Street address left empty and a card number that fails its check digit.
    await page.getByLabel("电子邮箱").fill("zh-shopper@example.com");
    await page.getByLabel("姓名", { exact: true }).fill("张伟");
    await page.getByLabel("城市").fill("上海");
    await page.getByLabel("邮政编码").fill("200000");
    await cardFields(page).getByLabel("卡号").fill("4111 1111 1111 1112");
    await cardFields(page).getByLabel("有效期（月/年）").fill("12/34");
    await cardFields(page).getByLabel("安全码（3 位）").fill("737");
    await pay(page).click();
    await expect(page.getByRole("alert").filter({ hasText: "请更正标出的字段。" })).toBeVisible();
    await expect(page.getByText("请输入街道地址。")).toBeVisible();
    await expect(cardFields(page).getByText("卡号无效。")).toBeVisible();
    await expect(page.getByLabel("街道地址")).toBeFocused();

    // The address given, the server checks the card again: its refusals come in Chinese too (the
    // holder's name was never typed, so only the server can say it is missing).
    await page.getByLabel("街道地址").fill("南京西路 1 号");
    const release = await holdServerActions(page, "**/checkout");
    await pay(page).click();
    await expect(page.getByRole("button", { name: "正在联系支付服务商…" })).toBeDisabled();
    release();
    await expect(page.getByRole("alert").filter({ hasText: "请检查银行卡信息。" })).toBeVisible();
    await expect(cardFields(page).getByText("请输入持卡人姓名。")).toBeVisible();
    await expect(cardFields(page).getByLabel("卡号")).toBeFocused();

    // A valid card pays: the order is placed and its page reached.
    await cardFields(page).getByLabel("卡号").fill("4111 1111 1111 1111");
    await cardFields(page).getByLabel("持卡人姓名").fill("Zhang Wei");
    await pay(page).click();
    await page.waitForURL(/\/orders\/ord_/);
    expect(orderIdFrom(page.url())).toMatch(/^ord_/);
  });

  test("an empty cart says so in Chinese", async ({ page }) => {
    await page.goto("/cart");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("购物车是空的");
    await page.goto("/checkout");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("没有可结算的商品");
  });
});
