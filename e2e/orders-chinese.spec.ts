import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { abandonChallenge } from "./support/emulators";
import { checkoutWith, choosePaymentMethod, fillCardForm, orderIdFrom, signIn } from "./support/shop";

/**
 * What a Chinese shopper reads after paying and around their account: the order page in each
 * state, the account, the header and /demo. The orders are placed in an English tab of the same
 * signed-in shopper (the checkout's and the providers' pages have specs of their own), then read in
 * a Chinese one: the same session with NEXT_LOCALE=zh.
 */

const ANTOM = { riskCheck: false };

/** The shopper's session in a second browser context that reads Chinese. */
async function chineseTab(browser: Browser, english: BrowserContext, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ storageState: await english.storageState(), locale: "zh-CN" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: baseURL }]);
  return context.newPage();
}

/** A card order paid in the English tab (by the signed-in shopper, if any); answers its order id. */
async function paidByCard(page: Page, slug: string, email: string): Promise<string> {
  await checkoutWith(page, slug, email);
  await choosePaymentMethod(page, "Card", "Antom");
  await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Shu Ping" }, ANTOM);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-status")).not.toHaveText("Waiting for payment");
  return orderIdFrom(page.url());
}

/** A QR order (AlipayHK) left waiting for the scan; answers its order id and the URL the code encodes. */
async function waitingForScan(page: Page, slug: string): Promise<{ orderId: string; scanUrl: string }> {
  await checkoutWith(page, slug, guestEmail());
  await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("qr-payment")).toBeVisible();
  return { orderId: orderIdFrom(page.url()), scanUrl: (await page.getByTestId("qr-link").getAttribute("href"))! };
}

/** A guest's email of its own: guest orders keep the signed-in shopper under the shop's pay-attempt limit. */
const guestEmail = () => `zh-guest-${Date.now()}@example.com`;

/** The page's own text (without the pay-again form's choices), to find English left in it. */
function mainText(page: Page): Promise<string> {
  return page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("form").forEach((form) => form.remove());
    return copy.textContent ?? "";
  });
}

test.describe("a Chinese shopper after paying", { tag: ["@shop"] }, () => {
  test("a paid order reads Chinese: headline, status, number, items, totals and attempts", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const orderId = await paidByCard(page, "walnut-notebook", guestEmail());
    await expect(page.getByTestId("order-status")).toHaveText("Paid");

    const zh = await chineseTab(browser, context, baseURL!);
    await zh.goto(`/orders/${orderId}`);
    await expect(zh.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(zh).toHaveTitle(/^您的订单/);
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("感谢您的购买，订单已付款");
    await expect(zh.getByTestId("order-status")).toHaveText("已付款");
    await expect(zh.getByTestId("order-number")).toHaveText(/^订单号 \d{4}-\d{4}$/);
    await expect(zh.getByTestId("paid-note")).toHaveText(
      /^我们已收到您支付的 US\$\d+\.\d{2}。确认信息将发送至 zh-guest-\d+@example\.com。$/,
    );
    await expect(zh.getByRole("heading", { name: "商品" })).toBeVisible();
    // The item by its Chinese catalogue name, its price in Chinese formats.
    await expect(zh.getByRole("listitem").filter({ hasText: "胡桃木笔记本 × 1" })).toContainText("US$");
    await expect(zh.getByText("合计")).toBeVisible();
    await expect(zh.getByText(/^收货信息：/)).toBeVisible();
    await expect(zh.getByRole("heading", { name: "付款记录" })).toBeVisible();
    await expect(zh.getByTestId("payment-attempt")).toHaveText([/^1\. 银行卡 · •••• 1111\s*已付款$/]);
    await expect(zh.getByRole("link", { name: "继续购物" })).toBeVisible();
    const text = await mainText(zh);
    for (const english of ["Paid", "Order No.", "Items", "Total", "Ships to", "Payment attempts", "Card", "Continue"])
      expect(text).not.toContain(english);

    // The English tab still reads English.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your order is paid");
  });

  test("a QR order waits in Chinese, turns paid by itself, and an expired one offers another try", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const { orderId, scanUrl } = await waitingForScan(page, "pour-over-kettle");
    const zh = await chineseTab(browser, context, baseURL!);
    await zh.goto(`/orders/${orderId}`);
    await expect(zh.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("您的订单");
    await expect(zh.getByTestId("order-status")).toHaveText("等待付款");
    await expect(zh.getByTestId("waiting-for")).toHaveText("请扫描二维码，使用AlipayHK付款。");
    await expect(zh.getByRole("img", { name: "使用AlipayHK付款的二维码" })).toBeVisible();
    await expect(zh.getByText("使用AlipayHK扫码付款")).toBeVisible();
    await expect(zh.getByTestId("qr-countdown")).toHaveText(/^(剩余有效时间 \d+:\d{2}|此二维码已过期。)$/);
    await expect(zh.getByText("付款完成后，本页面会自动显示已付款。")).toBeVisible();
    await expect(zh.getByTestId("qr-link")).toHaveText("就在这台设备上？打开支付页面");
    await expect(zh.getByText("正在自动检查更新…")).toBeVisible();
    // A QR code cannot be closed early: the other way to pay says why, in Chinese.
    const another = zh.getByTestId("pay-another-way");
    await another.getByText("换一种方式付款").click();
    await expect(another.getByTestId("switch-waits")).toHaveText(
      "这笔付款无法提前关闭，为避免重复扣款：请完成它，或在它过期后再选择其他方式。",
    );

    // Scanned on a phone (a device of its own, in English): the Chinese page turns paid by itself.
    const phone = await (await browser.newContext()).newPage();
    await phone.goto(scanUrl);
    await phone.getByRole("button", { name: "Approve payment" }).click();
    await expect(phone.getByTestId("pingpong-wallet-status")).toHaveText(/Payment approved/);
    await phone.close();
    await expect(zh.getByTestId("order-status")).toHaveText("已付款");
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("感谢您的购买，订单已付款");

    // Another QR code, left to expire (the emulator's QA hook stands in for waiting it out).
    const expiring = await waitingForScan(page, "merino-beanie");
    await zh.goto(`/orders/${expiring.orderId}`);
    await expect(zh.getByTestId("order-status")).toHaveText("等待付款");
    expect((await zh.request.post(expiring.scanUrl.replace(/\/scan$/, "/expire"))).ok()).toBe(true);
    await expect(zh.getByTestId("order-status")).toHaveText("付款失败");
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("付款未成功");
    await expect(zh.getByTestId("failure-reason")).toHaveText("付款在完成前已过期，未产生任何扣款。");
    await expect(zh.getByTestId("payment-attempt")).toHaveText(["1. AlipayHK已过期"]);
    await expect(zh.getByRole("button", { name: /^重新支付 US\$\d+\.\d{2}$/ })).toBeVisible();
  });

  test("an open 3-D Secure page reads Chinese: back to the bank, or pay another way", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await checkoutWith(page, "brass-fountain-pen", guestEmail());
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Shu Ping" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);
    const bankPage = page.url();
    await abandonChallenge(page);
    await expect(page).toHaveURL(/\/orders\/ord_/);

    const zh = await chineseTab(browser, context, baseURL!);
    await zh.goto(`/orders/${orderIdFrom(page.url())}`);
    await expect(zh.getByTestId("order-status")).toHaveText("等待付款");
    await expect(zh.getByTestId("waiting-for")).toHaveText("请在银行页面确认这笔付款。");
    await expect(zh.getByRole("link", { name: "返回银行页面" })).toHaveAttribute("href", bankPage);
    await zh.getByRole("link", { name: "换一种方式付款" }).click();
    const another = zh.getByTestId("pay-another-way");
    await expect(another).toHaveAttribute("open", "");
    await expect(another.getByText("我们会先关闭您未完成的付款，确保订单只扣款一次。")).toBeVisible();
    await expect(another.getByRole("button", { name: /^换一种方式支付 US\$\d+\.\d{2}$/ })).toBeVisible();
    await expect(zh.getByTestId("payment-attempt")).toHaveText([/^1\. 银行卡( · •••• 3220)?\s*等待您确认$/]);
  });

  test(
    "a payment whose answer was lost waits in Chinese, asks not to pay again, then reads paid",
    { tag: ["@control-plane"] },
    async ({ page, context, request, baseURL }) => {
      await checkoutWith(page, "canvas-weekender", guestEmail());
      await choosePaymentMethod(page, "Card", "Antom");
      await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Shu Ping" }, ANTOM);
      // Antom charges, then holds its answer past the shop's 10 s patience; its notification is lost.
      const forced = await request.post("/emulators/control/antom/next-payment", {
        data: { outcome: "timeout", charge: true, holdSeconds: 15, notification: { mode: "dropped" } },
      });
      expect(forced.status()).toBe(200);
      // The form is filled; the shopper switches to Chinese before paying, so the order page comes in Chinese.
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: baseURL! }]);
      await page.getByRole("button", { name: /^Pay / }).click();

      await expect(page).toHaveURL(/\/orders\/ord_/, { timeout: 30_000 });
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
      await expect(page.getByTestId("waiting-for")).toHaveText(
        "我们正在确认您的付款。本页面会自动更新，请勿重复付款。",
      );
      await expect(page.getByTestId("order-status")).toHaveText("已付款", { timeout: 30_000 });
    },
  );

  test("a canceled payment reads as a neutral Chinese cancel", async ({ page, context, browser, baseURL }) => {
    await checkoutWith(page, "ceramic-planter", guestEmail());
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/pingpayments\//);
    await page.getByRole("button", { name: /^Cancel/ }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);

    const zh = await chineseTab(browser, context, baseURL!);
    await zh.goto(`/orders/${orderIdFrom(page.url())}`);
    await expect(zh.getByTestId("order-status")).toHaveText("付款已取消");
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("付款已取消");
    await expect(zh.getByTestId("failure-reason")).toHaveText("付款已取消，未产生任何扣款。");
    await expect(zh.getByTestId("payment-attempt")).toHaveText(["1. 银行卡已取消"]);
  });
});

test.describe("the demo shopper's account in Chinese", { tag: ["@shop"] }, () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "shopper@example.com", "shopper-demo", "/");
  });

  test("the account and the header read Chinese, dates and money in Chinese formats", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const orderId = await paidByCard(page, "mechanical-keyboard", "shopper@example.com");
    await expect(page.getByTestId("order-status")).toHaveText("Confirmed — charged when it ships");
    const number = (await page.getByTestId("order-number").innerText()).replace("Order No. ", "");

    const zh = await chineseTab(browser, context, baseURL!);
    await zh.goto(`/orders/${orderId}`);
    await expect(zh.getByTestId("order-status")).toHaveText("已确认，发货时扣款");
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("感谢您的购买，订单已确认");
    await expect(zh.getByTestId("paid-note")).toHaveText(
      /^您的订单已确认。发货时将扣款 US\$[\d,]+\.\d{2}，目前尚未扣款。/,
    );

    await zh.goto("/account");
    await expect(zh.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(zh).toHaveTitle(/^我的订单/);
    await expect(zh.getByRole("heading", { level: 1 })).toHaveText("我的订单");
    const mine = zh.getByRole("listitem").filter({ hasText: `订单号 ${number}` });
    await expect(mine.getByTestId("order-status")).toHaveText("已确认，发货时扣款");
    await expect(mine).toContainText(/\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}/);
    await expect(mine).toContainText(/US\$[\d,]+\.\d{2}/);
    const wallets = zh.getByTestId("linked-wallets");
    await expect(wallets.getByRole("heading")).toHaveText(/^已绑定的钱包（通过 \S+ 一键支付）$/);
    await expect(wallets.getByRole("button", { name: "绑定 GCash" })).toBeVisible();
    const cards = zh.getByTestId("saved-cards");
    await expect(cards.getByRole("heading")).toHaveText("已保存的银行卡");
    // Its cards, or what to do to save one (other specs may have saved some for the demo shopper).
    await expect(cards).toContainText(/没有已保存的银行卡。付款时勾选“保存此卡”即可添加。|删除/);

    const header = zh.getByRole("banner");
    for (const link of ["商店", "我的订单", "测试数据", "演示导览"])
      await expect(header.getByRole("link", { name: link, exact: true })).toBeVisible();
    await expect(header.getByTestId("cart-link")).toHaveText(/^购物车 \(\d+\)$/);
    await expect(header.getByRole("button", { name: "退出登录" })).toBeVisible();

    // The console is for operators: a shopper is told so in Chinese.
    await zh.goto("/admin");
    await expect(zh.getByTestId("access-refused")).toContainText("仅限运营人员");
    await expect(zh.getByTestId("access-refused")).toContainText("您的账户无法打开运营后台。");
  });

  test("linking a wallet that is already linked says so in Chinese", async ({ page, context, browser, baseURL }) => {
    const zh = await chineseTab(browser, context, baseURL!);
    const stale = await zh.context().newPage();
    for (const tab of [zh, stale]) await tab.goto("/account");
    const gcash = zh
      .getByTestId("wallet-binding")
      .filter({ hasText: "GCash" })
      .and(zh.locator('[data-status="active"]'));

    // Linked from one Chinese tab (the wallet's own signing page is agreed to in the English tab).
    await zh.getByTestId("linked-wallets").getByRole("button", { name: "绑定 GCash" }).click();
    await expect(zh).toHaveURL(/\/emulators\/pingpong\/wallet\/sign\//);
    await page.goto(zh.url());
    await page.getByRole("button", { name: "Agree and link" }).click();
    await expect(page).toHaveURL(/\/account/);
    await zh.goto("/account");
    await expect(gcash.getByTestId("wallet-status")).toHaveText("已生效");
    await expect(gcash).toContainText(/绑定于 \d{4}\/\d{1,2}\/\d{1,2}/);

    // A tab from before the link is told it is linked already.
    await stale.getByTestId("linked-wallets").getByRole("button", { name: "绑定 GCash" }).click();
    await expect(stale.getByTestId("linked-wallets").getByRole("alert")).toHaveText("GCash 已绑定。");

    await gcash.getByRole("button", { name: "解绑" }).click();
    await expect(gcash).toHaveCount(0);
  });
});

test.describe("a Chinese visitor", { tag: ["@shop"] }, () => {
  test.use({ locale: "zh-CN" });

  test("reads /demo in Chinese and is refused the console in Chinese", async ({ page }) => {
    await page.goto("/demo");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page).toHaveTitle(/^演示剧本/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("演示剧本");
    const story = page.getByTestId("storyline").filter({ hasText: "3-D Secure 验证" });
    await expect(story).toContainText("支付，然后在银行页面输入 123456（其他验证码都会失败）。");
    await expect(story.getByRole("button", { name: "开始“3-D Secure 验证”" })).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "登录" })).toBeVisible();
    await expect(header.getByTestId("cart-link")).toHaveText(/^购物车 \(\d+\)$/);

    // Started, the storyline's steps stand over the checkout in Chinese too.
    await story.getByRole("button", { name: "开始“3-D Secure 验证”" }).click();
    const steps = page.getByTestId("storyline-steps");
    await expect(steps).toContainText("演示流程：3-D Secure 验证");
    await expect(steps).toContainText("支付，然后在银行页面输入 123456（其他验证码都会失败）。");
  });
});
