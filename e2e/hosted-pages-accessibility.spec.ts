import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { HOSTED_PAGES } from "./support/hosted-pages";
import { expect, test } from "./support/test";

/**
 * Issue 16: every page the emulators serve a shopper (and the /emulators catalogue, each of its
 * tabs) passes axe-core, in an English and a Chinese browser,'s WCAG 2.1 A/AA and best-practice rules in light and dark, with one h1.
 */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const SCHEMES = ["light", "dark"] as const;
/** The browser's languages: a hosted page without a documented language field follows it. */
const LOCALES = ["en", "zh-CN"] as const;

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
  await expect(page.locator("h1")).toHaveCount(1);
}

for (const locale of LOCALES) {
  for (const scheme of SCHEMES) {
    test.describe(`${scheme} mode, ${locale}`, { tag: ["@emulator-internals"] }, () => {
      test.use({ locale });
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
      });

      for (const [name, open] of Object.entries(HOSTED_PAGES)) {
        test(`${name}: no axe violations`, async ({ page }) => {
          await page.goto(await open());
          await expectAccessible(page);
        });
      }

      test("/emulators, every tab: no axe violations", async ({ page }) => {
        await page.goto("/emulators");
        const tabs = page.getByRole("tab");
        const count = await tabs.count();
        expect(count).toBeGreaterThan(1);
        for (let index = 0; index < count; index++) {
          await tabs.nth(index).click();
          await expect(tabs.nth(index)).toHaveAttribute("aria-selected", "true");
          await expectAccessible(page);
        }
      });

      test("/emulators: a scoped forced outcome set with the keyboard, listed with who set it, then cleared: no axe violations", async ({
        page,
        request,
      }) => {
        expect((await request.delete("/emulators/control/antom/next-payment")).status()).toBe(204);
        // The control plane keeps an email in lower case.
        const email = `keyboard-${scheme}-${locale.toLowerCase()}@example.com`;
        await page.goto("/emulators?provider=antom");
        const form = page.getByTestId("forced-antom");
        await form.getByLabel("Scope").selectOption("email");
        await form.getByLabel("Outcome").selectOption("decline");
        await form.getByLabel("Shopper email").fill(email);
        await form.getByLabel("Shopper email").press("Enter");
        const pending = page.getByTestId("forced-antom-pending");
        await expect(pending.getByRole("row").nth(1)).toContainText(
          `shopper email ${email}decline (generic)local, no sign-in (Mozilla)`,
        );
        await expectAccessible(page);
        const clear = pending.getByRole("button", {
          name: `Clear the forced outcome for shopper email ${email}`,
        });
        await clear.focus();
        await page.keyboard.press("Enter");
        await expect(pending).toHaveText("Pending: none");
      });
    });
  }
}
