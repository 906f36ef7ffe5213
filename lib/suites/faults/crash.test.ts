// @module-tag control-plane
// kill -9 of the shop between the provider's answer and the database commit: the provider has
// charged and holds its answer, the shop process (the one waiting for that answer, started by the
// checkout's own server action over HTTP) is killed, and restarted on the same data. Its
// reconciliation loop finds the attempt left `created`, asks the provider by our reference, and
// settles it (Ping Payments, which cannot be asked by our reference, waits for an operator); the
// provider saw exactly one charge.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrderByCheckoutToken } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { closeSqlite } from "@/lib/sqlite";
import { chargesFor, forceNextPayment } from "@/lib/testing/control-fixtures";
import { CRASH_CARD as CARD, until, type FaultProvider } from "@/lib/testing/fault-fixtures";
import { checkoutForm } from "@/lib/testing/server-action";
import { actionId, postAction } from "@/lib/testing/web-fixtures";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";

type TestServer = {
  url: string;
  pid: number;
  output: () => string;
  crash: () => Promise<void>;
  stop: () => Promise<void>;
};

const PORT = 3213;
const DATA_DIR = "data/test-faults-crash";
// This file reads and writes the crash server's database, not the shared one.
process.env.DATABASE_PATH = `${DATA_DIR}/shop.sqlite`;

const serverOptions = (fresh: boolean) => ({
  port: PORT,
  dataDir: DATA_DIR,
  fresh,
  inquiryAfterMs: 1000,
  // The loop runs often, so the restarted shop reconciles within the test's patience.
  env: { RECONCILE_INTERVAL_MS: "300", PAYMENT_UNKNOWN_INQUIRY_AFTER_MS: "500" },
});

let server: TestServer | undefined;
beforeAll(async () => {
  server = (await startTestServer(serverOptions(true))) as TestServer;
}, 90_000);
afterAll(async () => {
  await server?.stop();
  closeSqlite(process.env.DATABASE_PATH!);
});

const CASES: [FaultProvider, string, boolean][] = [
  ["pingpayments", "pingpayments:card", false],
  ["pingpong", "pingpong:alipay", false],
  ["antom", "antom:card", true],
  ["lesspay", "lesspay:card", true],
];

describe("kill -9 while the provider's answer is on its way", () => {
  it.each(CASES)(
    "%s: after the restart the payment is reconciled to succeeded (Ping: needs an operator); one charge",
    { timeout: 120_000 },
    async (provider, paymentMethod, withCard) => {
      const base = server!.url;
      // The provider charges, then holds its answer long past our patience; no notification.
      await forceNextPayment(
        provider,
        { outcome: "timeout", charge: true, holdSeconds: 120, notification: { mode: "dropped" } },
        base,
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
        base,
      ).catch((error: unknown) => error);

      // The shop has written its attempt and is waiting; the provider has recorded the charge.
      const order = await until("the order", async () => await findOrderByCheckoutToken(checkoutToken));
      const attempt = await until("the attempt", async () => (await listPaymentsForOrder(order.id))[0]);
      await until("the provider's charge", async () => (await chargesFor(provider, attempt.id, base)).count === 1);
      expect((await findPayment(attempt.id))!.status).toBe("created");

      await server!.crash();
      // The browser's request died with the process: the shop never answered it.
      expect(await answer).toBeInstanceOf(Error);
      expect((await findPayment(attempt.id))!.status).toBe("created");

      server = (await startTestServer(serverOptions(false))) as TestServer;
      const settled = await until("reconciliation", async () => {
        const payment = (await findPayment(attempt.id))!;
        return payment.status === "created" ? undefined : payment;
      });
      if (provider === "pingpayments") {
        // Ping's documented API finds a payment only by its id, which died with the process: the
        // attempt waits for an operator (processing), never failed by time.
        expect(settled.status).toBe("processing");
        expect((await listPaymentEvents(attempt.id)).some((e) => e.dedupeKey === `needs-operator:${attempt.id}`)).toBe(
          true,
        );
      } else {
        expect(settled.status).toBe("succeeded");
        expect(settled.providerPaymentId).toBeTruthy();
        expect(
          (await listPaymentEvents(attempt.id)).some(
            (e) =>
              e.type === "status_change" &&
              e.fromStatus === "created" &&
              e.toStatus === "succeeded" &&
              /Reconciled by inquiry/.test(e.summary),
          ),
        ).toBe(true);
      }
      expect((await chargesFor(provider, attempt.id, base)).count).toBe(1);
    },
  );
});
