import { expect, test } from "./support/test";

test(
  "the Content-Security-Policy blocks injected inline code, and the spec guard sees it",
  { tag: ["@shop"] },
  async ({ page, cspViolations }) => {
    await page.goto("/");
    // What a stored XSS would try: markup with an inline handler (it has no nonce, so it must not run).
    await page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML = `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__injected = 'handler'" onerror="window.__injected = 'handler'">`;
      document.body.append(holder);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(cspViolations.join("\n")).toMatch(/script-src/);
    // Seen and asserted: cleared, so the guard's own check passes.
    cspViolations.length = 0;
  },
);

test(
  "the shop's own scripts run under the policy (the page hydrates and reacts)",
  { tag: ["@shop"] },
  async ({ page }) => {
    await page.goto("/products/merino-beanie");
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status")).toHaveText("Added to your cart.");
  },
);
