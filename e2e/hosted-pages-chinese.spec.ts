import type { Page } from "@playwright/test";
import { antomCall, payBody } from "../lib/testing/antom-fixtures";
import { payByCard } from "../lib/testing/pingpong-fixtures";
import { CHALLENGE_CARD, E2E_BASE_URL, HOSTED_PAGES, lesspayCashier, paymentIqCheckout } from "./support/hosted-pages";
import { expect, test } from "./support/test";

/**
 * Issue 16: the providers' hosted pages in Chinese (Simplified) and English. A page speaks the
 * payment's documented language where its provider has one (Antom's env.browserInfo.language,
 * PingPong's browserInfo.language), else the browser's Accept-Language; never the shop's cookie,
 * which a real provider's page cannot read (lib/emulators/hosted-locale.ts).
 */

/** Words each page shows in Chinese, and the same place in English. */
const WORDS: Record<string, { zh: string; en: string }> = {
  "PaymentIQ checkout": { zh: "应付金额", en: "Amount to pay" },
  "PaymentIQ 3-D Secure": { zh: "确认此笔付款", en: "Confirm this payment" },
  "Lesspay cashier": { zh: "保存此卡，以便日后付款", en: "Save this card for future payments" },
  "Lesspay 3-D Secure": { zh: "确认此笔付款", en: "Confirm this payment" },
  "PingPong 3-D Secure": { zh: "确认此笔付款", en: "Confirm this payment" },
  "PingPong AlipayHK QR scan": { zh: "已扫描的付款码", en: "Scanned payment code" },
  "PingPong WeChat Pay QR scan": { zh: "已扫描的付款码", en: "Scanned payment code" },
  "PingPong Alipay wallet checkout": { zh: "确认付款", en: "Approve payment" },
  "PingPong wallet signing": { zh: "同意并绑定", en: "Agree and link" },
  "PingPong wallet app (linked merchants)": { zh: "已绑定的商户", en: "Linked merchants" },
  "PingPong legacy wallet authorization": {
    zh: "授权商户（旧版流程，已弃用）",
    en: "Authorize a merchant (legacy flow, deprecated)",
  },
};

async function expectLanguage(page: Page, lang: "zh-Hans" | "en", words: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByText(words, { exact: true }).first()).toBeVisible();
}

/** Antom's 3-D Secure page of a payment whose env.browserInfo.language is `language` [doc: seed 002]. */
async function antomChallenge(language: string) {
  const body = payBody(CHALLENGE_CARD);
  body.env = { terminalType: "WEB", clientIp: "127.0.0.1", browserInfo: { language } };
  return (await antomCall("pay", body)).body.normalUrl as string;
}

/** PingPong's 3-D Secure page as its plugin opens it for a payment sent with browserInfo.language `language`. */
async function pingPongChallenge(language: string) {
  const { answer } = await payByCard(CHALLENGE_CARD, { extra: { browserInfo: { language } } });
  const blob = answer.biz!.threeDUnionParams as { transactionId: string; language?: string };
  expect(blob.language).toBe(language);
  return `${E2E_BASE_URL}/emulators/pingpong/3ds/${blob.transactionId}?lang=${encodeURIComponent(blob.language!)}`;
}

/** Every page of WORDS opens in `language`, with its `<html lang>` and the emulator banner in it. */
function everyPageIn(language: "zh" | "en") {
  const lang = language === "zh" ? "zh-Hans" : "en";
  for (const [name, words] of Object.entries(WORDS)) {
    test(`${name}: in ${language === "zh" ? "Chinese" : "English"}, <html lang="${lang}">`, async ({ page }) => {
      await page.goto(await HOSTED_PAGES[name]());
      await expectLanguage(page, lang, words[language]);
      await expect(page.getByText(BANNER[language])).toBeVisible();
    });
  }
}

const BANNER = {
  zh: "本地支付服务商模拟器 · 不会产生真实扣款",
  en: "Local provider emulator · no real money moves",
};

test.describe("a browser that asks for Chinese", { tag: ["@emulator-internals"] }, () => {
  test.use({ locale: "zh-CN" });

  everyPageIn("zh");

  test("the bank's 3-D Secure page: code field, hint, confirm and abandon in Chinese", async ({ page }) => {
    await page.goto(await HOSTED_PAGES["PaymentIQ 3-D Secure"]());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("确认此笔付款");
    await expect(page.getByLabel("一次性验证码")).toBeVisible();
    await expect(
      page.getByText("验证码已发送到您的手机。测试验证码 123456 可通过，其他任何验证码均会失败。"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "确认" })).toBeVisible();
    await expect(page.getByRole("link", { name: "不确认并离开（放弃）" })).toBeVisible();
    await expect(page).toHaveTitle(/^3D 安全验证 · 模拟器/);
  });

  test("PaymentIQ's card form: labels, test-card picker and a refused number in Chinese", async ({ page }) => {
    await page.goto((await paymentIqCheckout()).payUrl);
    await expect(page.getByLabel("持卡人姓名")).toBeVisible();
    await expect(page.getByLabel("有效期（MM/YY）")).toBeVisible();
    const picker = page.getByRole("combobox", { name: "填入测试卡（模拟器）" });
    await expect(picker.locator("option", { hasText: "Visa 9995：拒绝：余额不足" })).toHaveCount(1);
    await picker.selectOption({ label: "Visa 3220：3DS 验证：验证码 123456 可通过，其他均失败" });
    await expect(page.getByLabel("卡号")).toHaveValue("4000 0000 0000 3220");
    await page.getByLabel("持卡人姓名").fill("张伟");
    await page.getByLabel("卡号").fill("4111 1111 1111 1112");
    await page.getByLabel("有效期（MM/YY）").fill("12/34");
    await page.getByLabel("安全码").fill("123");
    await page.getByRole("button", { name: /^支付 / }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("卡号无效。");
    await expect(page.getByLabel("卡号")).toBeFocused();
  });

  test("Lesspay's cashier without JavaScript: the refused expiry comes back in Chinese", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(await lesspayCashier());
    await page.getByLabel("卡号").fill("4111111111111111");
    await page.getByLabel("有效期（MM/YY）").fill("13/34");
    await page.getByLabel("安全码").fill("123");
    await page.getByRole("button", { name: "立即支付" }).click();
    await expect(page.getByRole("alert")).toHaveText("请按 MM/YY 格式输入有效期。");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await context.close();
  });

  test("Antom's 3-D Secure page follows the payment's documented language, not the browser's", async ({ page }) => {
    await page.goto(await antomChallenge("en_US"));
    await expectLanguage(page, "en", "Confirm this payment");
  });

  test("the /emulators control page is for QA and stays English", async ({ page }) => {
    await page.goto("/emulators");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText(BANNER.en)).toBeVisible();
  });
});

test.describe("a browser that asks for English", { tag: ["@emulator-internals"] }, () => {
  test.use({ locale: "en-US" });

  everyPageIn("en");

  test("a hosted page does not read the shop's language cookie: Chinese in the shop, the cashier in the browser's English", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: E2E_BASE_URL }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await page.goto(await lesspayCashier());
    await expectLanguage(page, "en", "Save this card for future payments");
  });

  test("Antom's 3-D Secure page in Chinese when the payment says zh_CN (env.browserInfo.language)", async ({
    page,
  }) => {
    await page.goto(await antomChallenge("zh_CN"));
    await expectLanguage(page, "zh-Hans", "确认此笔付款");
    await expect(page.getByText("您的发卡银行 · 3D 安全验证")).toBeVisible();
  });

  test("PingPong's 3-D Secure page in Chinese when the payment's browserInfo.language is Chinese", async ({ page }) => {
    await page.goto(await pingPongChallenge("zh-Hans"));
    await expectLanguage(page, "zh-Hans", "确认此笔付款");
    await expect(page.getByLabel("一次性验证码")).toBeVisible();
  });
});
