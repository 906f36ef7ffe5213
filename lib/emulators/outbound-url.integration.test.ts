// @module-tag emulator-internals
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cashierBody, lesspayCall, lesspayUrl, startLesspayCatcher, sleep } from "@/lib/testing/lesspay-fixtures";
import {
  createAtAntom,
  createAtLesspay,
  createAtPingPayments,
  createAtPingPong,
  type CreateAnswer,
} from "@/lib/testing/outbound-url-fixtures";

/**
 * The emulators' outbound URL policy against the built server in local mode (APP_URL on
 * loopback): notifications and shoppers go to the app's origin, loopback or the allowlist only,
 * refused at create time with each provider's invalid-parameter answer; the outbox checks again
 * when it delivers, and says nothing that tells an open port from a closed one.
 */

const OFF_SITE = "must be on the merchant's site or a host in EMULATOR_ALLOWED_HOSTS";
const METADATA = "must not point at a link-local or cloud metadata address";
const EVIL = "http://evil.example/hook";
const CLOUD_METADATA = "http://169.254.169.254/latest/meta-data/";

const catchers: Awaited<ReturnType<typeof startLesspayCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((catcher) => catcher.close()));
});

/** Each emulator's create, with the URL field that names where its notifications go. */
const NOTIFY_FIELDS: [string, string, (url: string) => Promise<CreateAnswer>, unknown][] = [
  ["PingPong unifiedPay", "bizContent.notificationUrl", (url) => createAtPingPong("notificationUrl", url), "100001"],
  ["Antom pay", "paymentNotifyUrl", (url) => createAtAntom("paymentNotifyUrl", url), "PARAM_ILLEGAL"],
  ["Lesspay create-order", "notify_url", (url) => createAtLesspay("notify_url", url), 11],
  [
    "Ping Payments payment",
    "status_callback_url",
    (url) => createAtPingPayments("status_callback_url", url),
    "422 invalid_property@status_callback_url",
  ],
];

/** Each emulator's create, with a URL field that names where it sends the shopper. */
const SHOPPER_FIELDS: [string, string, (url: string) => Promise<CreateAnswer>, unknown][] = [
  ["PingPong unifiedPay", "bizContent.payResultUrl", (url) => createAtPingPong("payResultUrl", url), "100001"],
  ["PingPong unifiedPay", "bizContent.payCancelUrl", (url) => createAtPingPong("payCancelUrl", url), "100001"],
  ["PingPong bind", "bizContent.merchantResultUrl", (url) => createAtPingPong("merchantResultUrl", url), "100001"],
  ["Antom pay", "paymentRedirectUrl", (url) => createAtAntom("paymentRedirectUrl", url), "PARAM_ILLEGAL"],
  ["Lesspay create-order", "success_url", (url) => createAtLesspay("success_url", url), 11],
  ["Lesspay create-order", "fail_url", (url) => createAtLesspay("fail_url", url), 11],
  [
    "Ping Payments payment",
    "provider_method_parameters.success_url",
    (url) => createAtPingPayments("success_url", url),
    "422 invalid_property@provider_method_parameters.success_url",
  ],
  [
    "Ping Payments payment",
    "provider_method_parameters.error_url",
    (url) => createAtPingPayments("error_url", url),
    "422 invalid_property@provider_method_parameters.error_url",
  ],
];

describe("outbound URLs are refused at create time (local mode)", () => {
  it.each(NOTIFY_FIELDS)(
    "%s: %s on another host or on the cloud metadata address is refused",
    async (_, field, create, code) => {
      expect(await create(EVIL)).toEqual({
        accepted: false,
        code,
        message: expect.stringContaining(`${field} ${OFF_SITE}`),
      });
      expect(await create(CLOUD_METADATA)).toEqual({
        accepted: false,
        code,
        message: expect.stringContaining(`${field} ${METADATA}`),
      });
      // Loopback on any port stays allowed locally (QA listeners on the laptop).
      expect((await create("http://127.0.0.1:18999/hook")).accepted).toBe(true);
    },
  );

  it.each(SHOPPER_FIELDS)("%s: %s on another host is refused", async (_, field, create, code) => {
    expect(await create("https://evil.example/phish")).toEqual({
      accepted: false,
      code,
      message: expect.stringContaining(`${field} ${OFF_SITE}`),
    });
    expect(await create("http://user:pass@localhost:9/back")).toMatchObject({ accepted: false, code });
    expect((await create("http://localhost:9/back")).accepted).toBe(true);
  });
});

describe("the Lesspay cashier's cancel link is no open redirect", () => {
  it("takes no fail_url off the site, sends the payer to the registered one whatever the query says, and the callback still reaches loopback", async () => {
    // The probe: a cashier order registered with fail_url https://evil.example/phish, then Cancel.
    const phishing = await lesspayCall(
      "create-order",
      cashierBody({ extra: { fail_url: "https://evil.example/phish" } }),
    );
    expect(phishing.body).toEqual({ code: 11, msg: `fail_url ${OFF_SITE}` });
    const catcher = await startLesspayCatcher();
    catchers.push(catcher);
    const body = cashierBody({ notifyUrl: catcher.url });
    const created = await lesspayCall("create-order", body);
    expect(created.code).toBe(0);
    const payOrderId = created.data.pay_order_id as string;
    const query = new URLSearchParams({
      fail_url: "https://evil.example/phish",
      return_url: "https://evil.example/phish",
      cancel_url: "https://evil.example/phish",
      redirect: "https://evil.example/phish",
    });
    const cancel = await fetch(`${lesspayUrl()}/cashier/${payOrderId}/cancel?${query}`, { redirect: "manual" });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(body.fail_url);
    const [callback] = await catcher.waitFor(1);
    expect(callback.json).toMatchObject({
      request_id: body.request_id,
      order_status: "CANCELED",
      pay_order_id: payOrderId,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Delivery time: rows the outbox holds from before (or replays) are checked again.

const emulatorDbFile = () =>
  resolve(process.cwd(), process.env.EMULATOR_DATABASE_PATH ?? "data/test-integration/emulators.sqlite");

interface OutboxState {
  status: string;
  attempts: number;
  last_error: string | null;
  last_http_status: number | null;
}

/** Puts a due notification straight into the emulators' outbox, as a row registered before the policy would be. */
function insertDueNotification(targetUrl: string, retrySchedule: number[]): number {
  const sqlite = new Database(emulatorDbFile(), { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    const now = Date.now();
    const inserted = sqlite
      .prepare(
        "insert into outbox (provider, subject, target_url, headers, body, retry_schedule, ack_rule, next_attempt_at) values ('lesspay', ?, ?, ?, '{}', ?, 'any_2xx', ?)",
      )
      .run(
        `outbound-policy-${randomUUID()}`,
        targetUrl,
        JSON.stringify({ "content-type": "application/json" }),
        JSON.stringify(retrySchedule),
        now,
      );
    return Number(inserted.lastInsertRowid);
  } finally {
    sqlite.close();
  }
}

/** The row once the outbox has finished with it (delivered or given up). */
async function settledRow(id: number): Promise<OutboxState & { errors: (string | null)[] }> {
  const sqlite = new Database(emulatorDbFile(), { readonly: true, fileMustExist: true });
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const row = sqlite
        .prepare("select status, attempts, last_error, last_http_status from outbox where id = ?")
        .get(id) as OutboxState;
      if (row.status !== "pending") {
        const errors = (
          sqlite.prepare("select error from outbox_attempts where outbox_id = ? order by id").all(id) as {
            error: string | null;
          }[]
        ).map((attempt) => attempt.error);
        return { ...row, errors };
      }
      if (Date.now() > deadline) throw new Error(`outbox row ${id} still pending: ${JSON.stringify(row)}`);
      await sleep(50);
    }
  } finally {
    sqlite.close();
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe("the outbox checks targets again when it delivers", () => {
  it.each([CLOUD_METADATA, EVIL, "http://[fe80::1]:8080/hook"])(
    "refuses a row for %s without connecting, once, in words that reveal nothing",
    async (target) => {
      const row = await settledRow(insertDueNotification(target, [1, 1, 1]));
      expect(row).toEqual({
        status: "gave_up",
        attempts: 1,
        last_error: "target refused by the emulator's outbound policy",
        last_http_status: null,
        errors: ["target refused by the emulator's outbound policy"],
      });
    },
  );

  it("records a closed port as 'could not connect', not as the socket's own error", async () => {
    const row = await settledRow(insertDueNotification(`http://127.0.0.1:${await closedPort()}/hook`, [1]));
    expect(row).toEqual({
      status: "gave_up",
      attempts: 2,
      last_error: "could not connect",
      last_http_status: null,
      errors: ["could not connect", "could not connect"],
    });
  });
});
