import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The rule sets the shop is held to: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Runs axe-core on the page as it is now and answers its violations, one readable line per
 * element: rule, impact, the element's selector and axe's summary of what is wrong with it
 * (e.g. the contrast it measured). An empty list is a page without violations.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata: its <title> can come after the main part is on screen. Axe
  // waits for it a little, then checks the page as it is (a page without a title fails
  // `document-title`, as it should).
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "no impact"}) at ${node.target.join(" ")}: ${
          node.failureSummary?.replace(/\s+/g, " ").trim() ?? violation.help
        }`,
    ),
  );
}
