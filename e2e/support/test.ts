import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";
import { refusingControlPlane } from "../../lib/testing/parity-guard";
// @ts-expect-error plain ES module shared with the parity runner
import { isParityRun } from "../../lib/testing/parity.mjs";
import {
  expectNotification,
  type DeliveredNotification,
  type ExpectNotificationOptions,
} from "../../lib/testing/expect-notification";

export { expect };

/** Chrome's console line for a blocked resource (when no page script saw the violation event). */
const REFUSED = /Refused to (load|execute|apply|connect|frame|send form|evaluate|run|create)/;

/**
 * Every spec imports `test` from here: it fails a test on any Content-Security-Policy violation
 * in any page it opens (its own page and any context it makes from `browser`, e.g. the operator's),
 * and offers `expectNotification` (lib/testing/expect-notification.ts) against the test's server.
 */
export const test = base.extend<{
  cspViolations: string[];
  expectNotification: (options: Omit<ExpectNotificationOptions, "baseUrl">) => Promise<DeliveredNotification>;
}>({
  // A parity run refuses the control plane (lib/testing/parity-guard.ts).
  request: async ({ request }, provide) => {
    await provide(isParityRun() ? refusingControlPlane(request) : request);
  },
  expectNotification: async ({ baseURL }, provide) => {
    await provide((options) => expectNotification({ ...options, baseUrl: baseURL }));
  },
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const guard = async (target: BrowserContext) => {
        await target.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(
              `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile || location.href}:${event.lineNumber})`,
            );
          });
        });
        target.on("console", (message) => {
          const text = message.text();
          if (text.startsWith("CSP violation:") || REFUSED.test(text))
            violations.push(`${message.page()?.url() ?? "?"}: ${text}`);
        });
      };
      await guard(context);
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = (async (...args: Parameters<Browser["newContext"]>) => {
        const created = await newContext(...args);
        await guard(created);
        return created;
      }) as Browser["newContext"];
      await use(violations);
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations in this test's pages").toEqual([]);
    },
    { auto: true },
  ],
});
