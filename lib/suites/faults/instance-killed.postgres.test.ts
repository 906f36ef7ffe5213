// @module-tag control-plane
// Two shop instances on one PostgreSQL: kill -9 of the one waiting for the provider's answer,
// after the provider charged. The other instance's reconciliation loop finds the attempt left
// `created`, asks the provider by our reference and settles it; the provider saw one charge.
// (SQLite's run has lib/suites/faults/crash.test.ts: the same process restarted on its file.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrderByCheckoutToken } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { chargesFor, forceNextPayment } from "@/lib/testing/control-fixtures";
import { CRASH_CARD as CARD, until, type FaultProvider } from "@/lib/testing/fault-fixtures";
import { checkoutForm } from "@/lib/testing/server-action";
import { actionId, postAction } from "@/lib/testing/web-fixtures";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";
// @ts-expect-error plain ES module shared with the parity runner
import { testDataDir } from "@/lib/testing/parity.mjs";
import { twoInstancesSetting } from "@/lib/testing/two-instances";

type TestServer = { url: string; crash: () => Promise<void>; stop: () => Promise<void> };

const setting = twoInstancesSetting();
// Two more instances beside the suite's pair, on the same database and emulators' file: one to
// kill, one that survives it (its loop runs often, so it reconciles within the test's patience).
const [DOOMED_PORT, SURVIVOR_PORT] = [setting.port + 3, setting.port + 4];
const instanceOptions = (port: number) => ({
  port,
  dataDir: testDataDir("two-instances"),
  fresh: false,
  inquiryAfterMs: 1000,
  publicUrl: setting.url,
  env: {
    DATABASE_URL: setting.databaseUrl,
    RECONCILE_INTERVAL_MS: port === SURVIVOR_PORT ? "300" : "600000",
    PAYMENT_UNKNOWN_INQUIRY_AFTER_MS: "500",
    TEST_ONLY_PROVIDERS: "off",
  },
});

let doomed: TestServer | undefined;
let survivor: TestServer | undefined;
beforeAll(async () => {
  survivor = (await startTestServer(instanceOptions(SURVIVOR_PORT))) as TestServer;
}, 90_000);
afterAll(async () => {
  await Promise.all([doomed?.stop(), survivor?.stop()]);
});

const CASES: [FaultProvider, string, boolean][] = [
  ["pingpong", "pingpong:alipay", false],
  ["antom", "antom:card", true],
  ["lesspay", "lesspay:card", true],
];

describe("kill -9 of one instance while the provider's answer is on its way", () => {
  it.each(CASES)(
    "%s: the other instance reconciles the payment to succeeded; one charge",
    { timeout: 120_000 },
    async (provider, paymentMethod, withCard) => {
      doomed = (await startTestServer(instanceOptions(DOOMED_PORT))) as TestServer;
      // The provider charges, then holds its answer long past our patience; no notification.
      await forceNextPayment(
        provider,
        { outcome: "timeout", charge: true, holdSeconds: 120, notification: { mode: "dropped" } },
        setting.url,
      );
      const checkoutToken = randomUUID();
      const { fields, cookie } = checkoutForm(paymentMethod, checkoutToken, withCard ? CARD : undefined);
      const answer = postAction(
        {
          page: "/checkout",
          id: actionId("app/(shop)/checkout/actions.ts", "placeOrderAndPay"),
          fields,
          withState: true,
          cookie,
        },
        doomed.url,
      ).catch((error: unknown) => error);

      const order = await until("the order", () => findOrderByCheckoutToken(checkoutToken));
      const attempt = await until("the attempt", async () => (await listPaymentsForOrder(order.id))[0]);
      await until(
        "the provider's charge",
        async () => (await chargesFor(provider, attempt.id, setting.url)).count === 1,
      );
      expect((await findPayment(attempt.id))!.status).toBe("created");

      await doomed.crash();
      doomed = undefined;
      expect(await answer).toBeInstanceOf(Error);

      const settled = await until("reconciliation by the other instance", async () => {
        const payment = (await findPayment(attempt.id))!;
        return payment.status === "created" ? undefined : payment;
      });
      expect(settled.status).toBe("succeeded");
      expect(
        (await listPaymentEvents(attempt.id)).some(
          (e) => e.type === "status_change" && e.fromStatus === "created" && /Reconciled by inquiry/.test(e.summary),
        ),
      ).toBe(true);
      expect((await chargesFor(provider, attempt.id, setting.url)).count).toBe(1);
    },
  );
});
