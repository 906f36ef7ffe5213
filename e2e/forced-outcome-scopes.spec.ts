import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm } from "./support/shop";

/**
 * Issue 17: two Playwright workers force different outcomes of the same provider's next payment
 * at once, each for its own shopper's email, and each shopper gets their own. Each card would
 * give the other outcome by itself, so a stolen forced outcome (or none) shows. Run with two
 * workers (`npm test` does: the project "two-workers", --workers=2).
 */
test.describe.configure({ mode: "parallel" });

const SHOPPERS = [
  {
    name: "decline",
    // Approved by itself; its shopper forces a decline.
    card: "4111 1111 1111 1111",
    force: { outcome: "decline", declineReason: "insufficient_funds" },
    status: "Payment failed",
  },
  {
    name: "approve",
    // Declined by itself; its shopper forces an approval.
    card: "4000 0000 0000 0002",
    force: { outcome: "approve" },
    status: "Paid",
  },
] as const;

/** Where the two workers of one repetition tell each other they have forced their outcome. */
function meetingPoint(testInfo: TestInfo) {
  const directory = join(testInfo.project.outputDir, "forced-outcome-scopes", String(testInfo.repeatEachIndex));
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** Waits until every shopper of this repetition has forced their outcome: both payments come after both forcings. */
async function allForced(testInfo: TestInfo, name: string) {
  const directory = meetingPoint(testInfo);
  writeFileSync(join(directory, name), "forced");
  await expect
    .poll(() => SHOPPERS.every((shopper) => existsSync(join(directory, shopper.name))), {
      message: "the other worker forced its outcome (are two workers running?)",
      timeout: 45_000,
    })
    .toBe(true);
}

/**
 * The control calls close their connection: the payment between them takes longer than the
 * server keeps an idle socket, and a reused socket it has closed meanwhile fails (ECONNRESET).
 */
const ONE_SHOT = { connection: "close" };

const forcedScopes = async (request: APIRequestContext) => {
  const listed = await request.get("/emulators/control/antom/next-payment", { headers: ONE_SHOT });
  expect(listed.status()).toBe(200);
  return ((await listed.json()) as { forced: { scope: { email?: string } | null }[] }).forced.map(
    (forced) => forced.scope?.email,
  );
};

for (const shopper of SHOPPERS) {
  test(
    `the shopper who forced "${shopper.name}" gets it, while another worker forces the opposite at once`,
    { tag: ["@control-plane", "@antom"] },
    async ({ page, request }, testInfo) => {
      test.skip(testInfo.config.workers < 2, "needs two workers at once: npm test runs it with --workers=2");
      const email = `scope-${shopper.name}-${testInfo.repeatEachIndex}@example.com`;
      await checkoutWith(page, "merino-beanie", email);
      await choosePaymentMethod(page, "Card", "Antom");
      await fillCardForm(page, { number: shopper.card, holder: "Scope Tester" }, { riskCheck: false });

      const forced = await request.post("/emulators/control/antom/next-payment", {
        data: { ...shopper.force, scope: { email } },
        headers: ONE_SHOT,
      });
      expect(forced.status()).toBe(200);
      await allForced(testInfo, shopper.name);

      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      await expect(page.getByTestId("order-status")).toHaveText(shopper.status);
      if (shopper.name === "decline")
        await expect(page.getByTestId("failure-reason")).toHaveText("Insufficient funds on the card.");
      // This shopper's payment took their forced outcome: it waits no longer.
      expect(await forcedScopes(request)).not.toContain(email);
    },
  );
}
