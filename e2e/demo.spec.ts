import { expect, test } from "./support/test";
import { readShopDatabase, signIn } from "./support/shop";

test("demo reset brings both databases back to the seed plus sample orders", { tag: ["@shop"] }, async ({ page }) => {
  await signIn(page, "operator@example.com", "operator-demo", "/admin");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reset demo data" }).click();
  await expect(page.getByRole("status")).toContainText("Reset: the seed plus 6 sample orders.");

  const counts = readShopDatabase((db) => ({
    users: (db.prepare("select count(*) n from users").get() as { n: number }).n,
    products: (db.prepare("select count(*) n from products").get() as { n: number }).n,
    orders: (db.prepare("select count(*) n from orders").get() as { n: number }).n,
    credentials: (db.prepare("select count(*) n from stored_credentials").get() as { n: number }).n,
    statuses: (db.prepare("select status from payments order by status").all() as { status: string }[]).map(
      (p) => p.status,
    ),
  }));
  expect(counts).toMatchObject({ users: 2, products: 12, orders: 6, credentials: 0 });
  // Across providers and statuses: paid, authorized, declined, waiting for a QR scan or a page, processing.
  expect(counts.statuses).toEqual(expect.arrayContaining(["succeeded", "authorized", "failed", "requires_action"]));
  await page.reload();
  await expect(page.getByTestId("admin-orders").locator("tbody tr")).toHaveCount(6);

  // The catalogue is the seed's.
  await page.goto("/");
  await expect(page.getByTestId("product-card")).toHaveCount(12);
});

test("a storyline prepares the cart and shows its steps at checkout", { tag: ["@shop"] }, async ({ page }) => {
  await page.goto("/demo");
  await expect(page.getByTestId("storyline")).toHaveCount(7);
  await page.getByRole("button", { name: "Start “3-D Secure challenge”" }).click();
  await expect(page).toHaveURL(/\/checkout\?storyline=three-ds/);
  await expect(page.getByTestId("storyline-steps")).toContainText("enter 123456");
  await expect(page.getByTestId("cart-count")).toHaveText("(1)");
  await expect(page.getByTestId("qa-panel")).toBeVisible();
});

test.describe("dark mode", { tag: ["@shop"] }, () => {
  test.use({ colorScheme: "dark" });
  test("follows the system setting", async ({ page }) => {
    await page.goto("/");
    // The body's background as RGB (through a canvas, whatever colour syntax the browser reports).
    const [r, g, b] = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    });
    expect((r + g + b) / 3).toBeLessThan(60);
  });
});
