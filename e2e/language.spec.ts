import { expect, test } from "./support/test";

test.describe("a browser that asks for Chinese", { tag: ["@shop"] }, () => {
  test.use({ locale: "zh-CN" });

  test("gets the shop in Chinese by default, prices in Chinese formats", async ({ page }) => {
    await page.goto("/products/merino-beanie");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("link", { name: "← 全部商品" })).toBeVisible();
    // zh formats the US dollar with its country prefix, where English writes a bare "$".
    await expect(page.getByTestId("product-price")).toHaveText("US$29.00");
    await expect(page.getByLabel("语言")).toHaveValue("zh");
  });

  test("reads the catalogue in Chinese: product names, categories and descriptions", async ({ page }) => {
    await page.goto("/");
    const beanie = page.getByTestId("product-card").filter({ hasText: "美利奴毛线帽" });
    await expect(beanie.getByText("服饰")).toBeVisible();
    await expect(beanie.getByTestId("product-price")).toHaveText("US$29.00");
    await beanie.getByRole("heading", { name: "美利奴毛线帽" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("美利奴毛线帽");
    await expect(page.getByText("以超细美利奴羊毛织成的罗纹毛线帽，均码。")).toBeVisible();
  });

  test("sign-in messages come in Chinese", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await page.getByLabel("电子邮箱").fill("nobody@example.com");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "电子邮箱或密码错误。" })).toBeVisible();
  });
});

test.describe("a browser that asks for English", { tag: ["@shop"] }, () => {
  test.use({ locale: "en-US" });

  test("switches to Chinese in the header, and the choice outlives a reload and the browser's language", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Well-made things, paid five ways");

    await page.getByLabel("Language").selectOption("zh");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("精心制作的好物，五种方式付款");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("精心制作的好物，五种方式付款");
    await page.goto("/products/merino-beanie");
    await expect(page.getByTestId("product-price")).toHaveText("US$29.00");

    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("link", { name: "← All products" })).toBeVisible();
    await expect(page.getByTestId("product-price")).toHaveText("$29.00");
  });
});
