// @module-tag emulator-internals
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartCookie, ONE_BEANIE } from "@/lib/testing/cart-cookie";
import { DEMO_USERS } from "@/lib/db/seed";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";
import { actionId, postAction, redirectTarget, signInOverHttp } from "@/lib/testing/web-fixtures";

/**
 * A server of its own with small limits (3 attempts per shopper, 5 per guest IP, 10 minutes), so
 * the limits are reached quickly and nothing else in the run is limited.
 */
const PORT = Number(process.env.WEBSEC_EXTRA_PORT ?? Number(process.env.INTEGRATION_PORT ?? 3101) + 2);
const DATA_DIR = "data/test-websec-rate-limit";
const CHECKOUT = "app/(shop)/checkout/actions.ts";

type Server = { url: string; stop: () => Promise<void> };

const LIMITS = { PAY_ATTEMPTS_PER_SHOPPER: "3", PAY_ATTEMPTS_PER_IP: "5", PAY_ATTEMPT_WINDOW_MINUTES: "10" };

function count(file: string, table: string): number {
  const database = new Database(join(DATA_DIR, file), { readonly: true, fileMustExist: true });
  try {
    return (database.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    database.close();
  }
}

/** What an attempt leaves behind: the shop's orders and payments, and the payments the provider saw. */
const footprint = () => ({
  orders: count("shop.sqlite", "orders"),
  payments: count("shop.sqlite", "payments"),
  atProvider: count("emulators.sqlite", "ping_payments"),
});

/** The checkout's "Pay" (Card via PaymentIQ) as the browser posts it, naming a client address in X-Forwarded-For. */
function payAt(server: Server, dataDir: string, ip: string, cookie?: string) {
  // Signed with that server's secret (made at its start, with a fresh data dir).
  const cart = cartCookie(ONE_BEANIE, dataDir);
  return postAction(
    {
      page: "/checkout",
      id: actionId(CHECKOUT, "placeOrderAndPay"),
      fields: {
        checkoutToken: randomUUID(),
        email: "pat@example.test",
        name: "Pat Payer",
        addressLine: "1 Main Street",
        city: "Stockholm",
        postalCode: "11122",
        country: "SE",
        paymentMethod: "pingpayments:card",
      },
      withState: true,
      cookie: cookie ? `${cookie}; ${cart}` : cart,
      headers: { "x-forwarded-for": ip },
    },
    server.url,
  );
}

describe("pay attempts are rate-limited per shopper", () => {
  let server: Server;
  let shopper: string;
  let operator: string;

  beforeAll(async () => {
    // The test plays a trusted proxy on loopback: each X-Forwarded-For below is a client address.
    server = await startTestServer({
      port: PORT,
      dataDir: DATA_DIR,
      env: { ...LIMITS, TRUSTED_PROXIES: "127.0.0.1, ::1" },
    });
    shopper = await signInOverHttp(
      DEMO_USERS.find((user) => user.role === "shopper")!,
      server.url,
    );
    operator = await signInOverHttp(
      DEMO_USERS.find((user) => user.role === "operator")!,
      server.url,
    );
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  const payFrom = (ip: string, cookie?: string) => payAt(server, DATA_DIR, ip, cookie);

  it("a signed-in shopper's 4th attempt in the window is refused with the person's message; nothing is written or sent", async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await payFrom(`10.1.0.${i + 1}`, shopper);
      expect(redirectTarget(answer, server.url)?.pathname, `attempt ${i + 1}`).toMatch(
        /\/emulators\/pingpayments\/paymentiq\/checkout\//,
      );
    }
    const before = footprint();
    // Another address does not help: the limit follows the account.
    const refused = await payFrom("10.1.0.9", shopper);
    expect(refused.status).toBe(200);
    expect(redirectTarget(refused, server.url)).toBeUndefined();
    expect(await refused.text()).toMatch(/Too many payment attempts; try again in 10 minutes\./);
    expect(footprint()).toEqual(before);
  });

  it("is per shopper: another account is not limited by the first one's attempts", async () => {
    const answer = await payFrom("10.1.0.1", operator);
    expect(redirectTarget(answer, server.url)?.pathname).toMatch(/\/emulators\/pingpayments\/paymentiq\/checkout\//);
  });

  it("guests are limited per IP address (a fresh checkout form does not reset it), other addresses are not", async () => {
    for (let i = 0; i < 5; i++)
      expect(redirectTarget(await payFrom("10.2.0.1"), server.url), `attempt ${i + 1}`).toBeDefined();
    const before = footprint();
    const refused = await payFrom("10.2.0.1");
    expect(await refused.text()).toMatch(/Too many payment attempts; try again in \d+ minutes?\./);
    expect(footprint()).toEqual(before);
    expect(redirectTarget(await payFrom("10.2.0.2"), server.url)).toBeDefined();
  });

  it("a guest's order is limited on its own when paid again from many addresses", async () => {
    expect(redirectTarget(await payFrom("10.3.0.1"), server.url)).toBeDefined();
    const orderId = latestOrderId();
    // "Pay another way" each time: one attempt is live at a time, so each new one replaces the open one.
    const again = (ip: string) =>
      postAction(
        {
          page: `/orders/${orderId}`,
          id: actionId(CHECKOUT, "payAgain"),
          fields: {
            orderId,
            attemptToken: randomUUID(),
            paymentMethod: "pingpayments:card",
            replaceAttempt: latestPaymentId(orderId),
          },
          withState: true,
          headers: { "x-forwarded-for": ip },
        },
        server.url,
      );
    for (let i = 0; i < 3; i++)
      expect(redirectTarget(await again(`10.3.1.${i + 1}`), server.url), `pay again ${i + 1}`).toBeDefined();
    const before = footprint();
    const refused = await again("10.3.1.9");
    expect(await refused.text()).toMatch(/Too many payment attempts/);
    expect(footprint()).toEqual(before);
  });
});

function latestPaymentId(orderId: string): string {
  const database = new Database(join(DATA_DIR, "shop.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return (database.prepare("select current_payment_id as id from orders where id = ?").get(orderId) as { id: string })
      .id;
  } finally {
    database.close();
  }
}

function latestOrderId(): string {
  const database = new Database(join(DATA_DIR, "shop.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return (
      database.prepare("select id from orders order by created_at desc, rowid desc limit 1").get() as { id: string }
    ).id;
  } finally {
    database.close();
  }
}

const UNTRUSTED_DATA_DIR = `${DATA_DIR}-untrusted`;

describe("without a trusted proxy", () => {
  let server: Server;

  beforeAll(async () => {
    server = await startTestServer({ port: PORT, dataDir: UNTRUSTED_DATA_DIR, env: LIMITS });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("a guest naming a new address in X-Forwarded-For each time is still one address: the 6th attempt is refused", async () => {
    for (let i = 0; i < 5; i++)
      expect(
        redirectTarget(await payAt(server, UNTRUSTED_DATA_DIR, `10.9.0.${i + 1}`), server.url),
        `attempt ${i + 1}`,
      ).toBeDefined();
    const refused = await payAt(server, UNTRUSTED_DATA_DIR, "10.9.0.99");
    expect(redirectTarget(refused, server.url)).toBeUndefined();
    expect(await refused.text()).toMatch(/Too many payment attempts; try again in \d+ minutes?\./);
  });
});
