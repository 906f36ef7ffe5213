// @module-tag control-plane
import { afterEach, describe, expect, it } from "vitest";
import {
  clearOverride,
  controlUrl,
  forceNextPayment,
  JSON_TYPE,
  pendingOverride,
  type Override,
} from "@/lib/testing/control-fixtures";
import { paymentAnswerStatus } from "@/lib/testing/pingpayments-fixtures";

// Forced outcomes scoped to a shopper email, a merchant reference prefix or a test id, through
// HTTP: the control plane, then a merchant's own calls to Ping Payments' emulator (the forced
// faults show which forced outcome each payment took).
afterEach(async () => {
  expect(await clearOverride("pingpayments")).toBe(204);
});

const nextPayment = `${controlUrl("pingpayments")}/next-payment`;

/** A merchant's payment with these facts: the HTTP status of its answer shows the forced outcome it took. */
const pay = (facts: { email?: string; reference?: string; testId?: string }) =>
  paymentAnswerStatus(
    {
      payer: { name: "Test Payer", ...(facts.email ? { email: facts.email } : {}) },
      metadata: { merchant_reference: facts.reference ?? `pay_${Math.random().toString(36).slice(2, 14)}` },
    },
    facts.testId ? { "X-Emulator-Test-Id": facts.testId } : {},
  );

const force = (override: Override) => forceNextPayment("pingpayments", override);
const post = (body: unknown) =>
  fetch(nextPayment, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) }).then(async (answer) => ({
    status: answer.status,
    json: (await answer.json()) as { error?: string; issues?: string[] },
  }));

describe("forced outcomes scoped to a payment", () => {
  it("an email's applies only to that shopper's payment (whatever the case), and takes precedence over the unscoped one", async () => {
    await force({ outcome: "http_500", scope: { email: "Anna@Example.com" } });
    await force({ outcome: "html" });
    expect(await pay({ email: "bob@example.com" })).toBe(502); // the unscoped one
    expect(await pay({ email: "bob@example.com" })).toBe(200);
    expect(await pay({ email: "anna@EXAMPLE.com" })).toBe(500);
    expect(await pay({ email: "anna@example.com" })).toBe(200);
  });

  it("a reference prefix's applies to the payments whose merchant reference starts with it, the longest first", async () => {
    await force({ outcome: "http_500", scope: { referencePrefix: "qa-" } });
    await force({ outcome: "html", scope: { referencePrefix: "qa-anna-" } });
    expect(await pay({ reference: "shop-0001" })).toBe(200);
    expect(await pay({ reference: "qa-anna-0001" })).toBe(502);
    expect(await pay({ reference: "qa-anna-0002" })).toBe(500);
    expect(await pay({ reference: "qa-anna-0003" })).toBe(200);
  });

  it("a test id's applies to the calls carrying X-Emulator-Test-Id, before an email's", async () => {
    await force({ outcome: "http_500", scope: { testId: "worker-1" } });
    await force({ outcome: "html", scope: { email: "anna@example.com" } });
    expect(await pay({ testId: "worker-2" })).toBe(200);
    expect(await pay({ testId: "worker-1", email: "anna@example.com" })).toBe(500);
    expect(await pay({ testId: "worker-1", email: "anna@example.com" })).toBe(502);
  });

  it("GET lists every one with its scope, who set it and when; DELETE clears one scope or all", async () => {
    await force({ outcome: "decline", scope: { email: "anna@example.com" } });
    await force({ outcome: "approve", scope: { testId: "worker-1" } });
    await force({ outcome: "decline", declineReason: "expired_card", scope: { email: "anna@example.com" } });
    const listed = await pendingOverride("pingpayments");
    expect(listed.status).toBe(200);
    expect(listed.json.override).toBeNull(); // no unscoped one
    expect(listed.json.forced).toEqual([
      {
        scope: { testId: "worker-1" },
        override: { outcome: "approve" },
        setBy: expect.stringMatching(/^local, no sign-in/),
        setAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      {
        scope: { email: "anna@example.com" },
        override: { outcome: "decline", declineReason: "expired_card" },
        setBy: expect.stringMatching(/^local, no sign-in/),
        setAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(await clearOverride("pingpayments", { email: "anna@example.com" })).toBe(204);
    expect((await pendingOverride("pingpayments")).json.forced.map((forced) => forced.scope)).toEqual([
      { testId: "worker-1" },
    ]);
  });

  it("refuses a scope that is not exactly one of email, referencePrefix, testId (422), and a DELETE naming none well (400)", async () => {
    const refused = await post({ outcome: "decline", scope: { email: "a@example.com", testId: "t" } });
    expect(refused).toEqual({
      status: 422,
      json: { error: "Invalid override", issues: ["scope: give exactly one of email, referencePrefix, testId"] },
    });
    expect((await post({ outcome: "decline", scope: {} })).status).toBe(422);
    expect((await post({ outcome: "decline", scope: { email: "not-an-email" } })).json.issues).toEqual([
      expect.stringMatching(/^scope\.email: /),
    ]);
    expect((await post({ outcome: "decline", scope: { shopper: "a@example.com" } })).status).toBe(422);
    for (const query of ["scope=all", "email=a%40example.com&testId=t", "who=me"]) {
      const answer = await fetch(`${nextPayment}?${query}`, { method: "DELETE" });
      expect(answer.status, query).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toBe("Invalid scope");
    }
    expect((await pendingOverride("pingpayments")).json.forced).toEqual([]);
  });
});
