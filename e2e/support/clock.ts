import type { AdvanceReport } from "../../lib/emulators/clock-advance";
import type { APIRequestContext } from "@playwright/test";
import { expect, test as base } from "./test";

/** The emulators' one clock, as a test moves it. */
export interface EmulatorClock {
  /** Moves emulator time forward ("2 hours", "8 days", or seconds); what was due has run when it returns. */
  advance(duration: string | number): Promise<AdvanceReport>;
}

const CLOCK = "/emulators/control/clock";

function clockOf(request: APIRequestContext): EmulatorClock {
  return {
    async advance(duration) {
      const response = await request.post(CLOCK, { data: { advance: duration } });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as AdvanceReport;
    },
  };
}

/**
 * `test` with an `emulatorClock` fixture: `await emulatorClock.advance("2 hours")`. The clock goes
 * back to real time after each test that used it, passed or failed.
 */
export const test = base.extend<{ emulatorClock: EmulatorClock }>({
  emulatorClock: [
    async ({ playwright, baseURL }, use) => {
      const request = await playwright.request.newContext({ baseURL });
      // The code after `use` is the fixture's teardown: it runs after the test, passed or failed.
      await use(clockOf(request));
      const reset = await request.delete(CLOCK);
      expect(reset.status()).toBe(200);
      await request.dispose();
    },
    { scope: "test" },
  ],
});

export { expect };
