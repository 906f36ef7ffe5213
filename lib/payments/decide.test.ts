import { describe, expect, it } from "vitest";
import { decide, decideOrder, paymentEventOf, type Decision, type PaymentEvent, type PaymentNow } from "./decide";
import { PAYMENT_STATUSES, type PaymentStatus } from "./state";

/**
 * Every (state, event) pair of `decide`, written out by hand from the state machine of
 * ARCHITECTURE.md: the expected decisions are not computed by the code under test.
 *
 * The payment of each row: 1000 minor units; captured in full once it has succeeded (0 before);
 * 300 refunded when partially refunded, 1000 when refunded.
 */
function paymentIn(status: PaymentStatus, captureMode: PaymentNow["captureMode"] = "automatic"): PaymentNow {
  const captured = status === "succeeded" || status === "partially_refunded" || status === "refunded";
  const refunded = { partially_refunded: 300, refunded: 1000 }[status as string] ?? 0;
  return { status, amount: 1000, capturedAmount: captured ? 1000 : 0, refundedAmount: refunded, captureMode };
}

/**
 * A status reported as such (a notification's status, an answer to a start, an inquiry's): the
 * row is the payment's status, the column the reported one, in PAYMENT_STATUSES order.
 *   m: move  m$: move, capturing the whole amount (1000)  r: record  e: early  s: stale  x: contradiction
 */
const STATUS_REPORTS = [
  //                   reported:
  //                   cr ra pc au su pr rf ca fa ex ss
  "created             r  m  m  m  m$ e  e  e  m  e  m",
  "requires_action     s  r  m  m  m$ e  e  e  m  m  m",
  "processing          s  s  r  m  m$ e  e  e  m  x  m",
  "authorized          s  s  s  r  m$ e  e  m  m  x  s",
  "succeeded           s  s  s  s  r  m  m  x  x  x  s",
  "partially_refunded  s  s  s  s  s  m  m  x  x  x  s",
  "refunded            s  s  s  s  s  s  r  x  x  x  s",
  "canceled            s  s  s  s  x  x  x  r  x  x  s",
  "failed              s  s  s  s  x  x  x  x  r  x  s",
  "expired             s  s  x  x  x  x  x  x  x  r  x",
  "superseded          s  s  s  m  m$ e  e  s  s  s  r",
];
// Columns: created, requires_action, processing, authorized, succeeded, partially_refunded,
// refunded, canceled, failed, expired, superseded.

const GRID: Record<string, (from: PaymentStatus, to: PaymentStatus) => Decision> = {
  m: (from, to) => ({ outcome: "move", from, to, set: {} }),
  m$: (from, to) => ({ outcome: "move", from, to, set: { capturedAmount: 1000 } }),
  r: (from, to) => ({ outcome: "record", from, to }),
  e: (from, to) => ({ outcome: "early", from, to }),
  s: (from, to) => ({ outcome: "stale", from, to }),
  x: (from, to) => ({ outcome: "contradiction", from, to }),
};

const statusPairs = STATUS_REPORTS.flatMap((row, index) => {
  const [from, ...cells] = row.trim().split(/\s+/);
  if (from !== PAYMENT_STATUSES[index] || cells.length !== PAYMENT_STATUSES.length)
    throw new Error(`row ${index} must be ${PAYMENT_STATUSES[index]} with ${PAYMENT_STATUSES.length} cells: ${row}`);
  return cells.map((cell, column) => {
    const to = PAYMENT_STATUSES[column];
    const expected = GRID[cell];
    if (!expected) throw new Error(`${from} -> ${to}: unknown cell ${cell}`);
    return [from as PaymentStatus, to, expected(from as PaymentStatus, to)] as const;
  });
});

/**
 * The other events, one column each: every cell is "<outcome> <to>" and what the move writes
 * ("capturedAmount=600", "refundedAmount=300").
 */
const OTHER_EVENTS: {
  name: string;
  event: PaymentEvent;
  captureMode?: "manual";
  expected: Record<PaymentStatus, string>;
}[] = [
  {
    name: "a capture of 600 (succeeded, 600 captured)",
    event: { kind: "status", status: "succeeded", capturedAmount: 600 },
    expected: {
      created: "move succeeded capturedAmount=600",
      requires_action: "move succeeded capturedAmount=600",
      processing: "move succeeded capturedAmount=600",
      authorized: "move succeeded capturedAmount=600",
      succeeded: "record succeeded",
      partially_refunded: "stale succeeded",
      refunded: "stale succeeded",
      canceled: "contradiction succeeded",
      failed: "contradiction succeeded",
      expired: "contradiction succeeded",
      superseded: "move succeeded capturedAmount=600",
    },
  },
  {
    name: "approved, automatic capture: succeeded",
    event: { kind: "approved" },
    expected: {
      created: "move succeeded capturedAmount=1000",
      requires_action: "move succeeded capturedAmount=1000",
      processing: "move succeeded capturedAmount=1000",
      authorized: "move succeeded capturedAmount=1000",
      succeeded: "record succeeded",
      partially_refunded: "stale succeeded",
      refunded: "stale succeeded",
      canceled: "contradiction succeeded",
      failed: "contradiction succeeded",
      expired: "contradiction succeeded",
      superseded: "move succeeded capturedAmount=1000",
    },
  },
  {
    name: "approved, manual capture: authorized",
    event: { kind: "approved" },
    captureMode: "manual",
    expected: {
      created: "move authorized",
      requires_action: "move authorized",
      processing: "move authorized",
      authorized: "record authorized",
      succeeded: "stale authorized",
      partially_refunded: "stale authorized",
      refunded: "stale authorized",
      canceled: "stale authorized",
      failed: "stale authorized",
      expired: "contradiction authorized",
      superseded: "move authorized",
    },
  },
  {
    name: "a refund of 300",
    event: { kind: "refund", amount: 300 },
    expected: {
      created: "early partially_refunded",
      requires_action: "early partially_refunded",
      processing: "early partially_refunded",
      authorized: "early partially_refunded",
      succeeded: "move partially_refunded refundedAmount=300",
      partially_refunded: "move partially_refunded refundedAmount=600",
      refunded: "record refunded",
      canceled: "contradiction partially_refunded",
      failed: "contradiction partially_refunded",
      expired: "contradiction partially_refunded",
      superseded: "early partially_refunded",
    },
  },
  {
    name: "a refund of 700 (the rest, after 300)",
    event: { kind: "refund", amount: 700 },
    expected: {
      created: "early partially_refunded",
      requires_action: "early partially_refunded",
      processing: "early partially_refunded",
      authorized: "early partially_refunded",
      succeeded: "move partially_refunded refundedAmount=700",
      partially_refunded: "move refunded refundedAmount=1000",
      refunded: "record refunded",
      canceled: "contradiction partially_refunded",
      failed: "contradiction partially_refunded",
      expired: "contradiction partially_refunded",
      superseded: "early partially_refunded",
    },
  },
  {
    name: "a refund of 1000 (all of it)",
    event: { kind: "refund", amount: 1000 },
    expected: {
      created: "early refunded",
      requires_action: "early refunded",
      processing: "early refunded",
      authorized: "early refunded",
      succeeded: "move refunded refundedAmount=1000",
      partially_refunded: "move refunded refundedAmount=1300",
      refunded: "record refunded",
      canceled: "contradiction refunded",
      failed: "contradiction refunded",
      expired: "contradiction refunded",
      superseded: "early refunded",
    },
  },
];

const OUTCOMES = new Set<string>(["move", "record", "early", "stale", "contradiction"]);

/** A written-out cell as the Decision it names (strict: anything it does not know is an error). */
function decisionOf(from: PaymentStatus, cell: string): Decision {
  const [outcome, to, ...sets] = cell.split(" ");
  if (!OUTCOMES.has(outcome) || !(PAYMENT_STATUSES as readonly string[]).includes(to))
    throw new Error(`${from}: cannot read "${cell}"`);
  if (outcome !== "move") {
    if (sets.length > 0) throw new Error(`${from}: only a move writes amounts ("${cell}")`);
    return { outcome, from, to } as Decision;
  }
  const set = Object.fromEntries(
    sets.map((written) => {
      const [field, value] = written.split("=");
      if (field !== "capturedAmount" && field !== "refundedAmount") throw new Error(`${from}: ${written}?`);
      return [field, Number(value)];
    }),
  );
  return { outcome: "move", from, to: to as PaymentStatus, set };
}

const otherPairs = OTHER_EVENTS.flatMap(({ name, event, captureMode, expected }) =>
  PAYMENT_STATUSES.map((from) => [from, name, event, captureMode, decisionOf(from, expected[from])] as const),
);

describe("decide: every (state, reported status) pair", () => {
  it("covers all 121 pairs", () => {
    expect(statusPairs).toHaveLength(121);
  });

  it.each(statusPairs)("%s, reported %s", (from, to, expected) => {
    expect(decide(paymentIn(from), { kind: "status", status: to })).toStrictEqual(expected);
  });
});

describe("decide: every state, for captures, approvals and refunds", () => {
  it("covers every state for each event", () => {
    expect(otherPairs).toHaveLength(OTHER_EVENTS.length * PAYMENT_STATUSES.length);
  });

  it.each(otherPairs)("%s, %s", (from, _name, event, captureMode, expected) => {
    expect(decide(paymentIn(from, captureMode), event)).toStrictEqual(expected);
  });
});

describe("decide: the amounts behind the decision", () => {
  const succeeded = (capturedAmount: number, refundedAmount = 0): PaymentNow => ({
    status: "succeeded",
    amount: 1000,
    capturedAmount,
    refundedAmount,
    captureMode: "manual",
  });

  it("refunds what was captured, not the whole amount, once part of it was captured", () => {
    expect(decide(succeeded(600), { kind: "refund", amount: 600 })).toStrictEqual({
      outcome: "move",
      from: "succeeded",
      to: "refunded",
      set: { refundedAmount: 600 },
    });
    expect(decide(succeeded(600, 200), { kind: "refund", amount: 300 })).toStrictEqual({
      outcome: "move",
      from: "succeeded",
      to: "partially_refunded",
      set: { refundedAmount: 500 },
    });
  });

  it("a success captures the whole amount only when nothing was captured yet", () => {
    const partlyCaptured: PaymentNow = { ...paymentIn("authorized"), capturedAmount: 400 };
    expect(decide(partlyCaptured, { kind: "status", status: "succeeded" })).toStrictEqual({
      outcome: "move",
      from: "authorized",
      to: "succeeded",
      set: {},
    });
  });

  it("writes a captured amount the provider reports with any move", () => {
    expect(decide(paymentIn("processing"), { kind: "status", status: "authorized", capturedAmount: 0 })).toStrictEqual({
      outcome: "move",
      from: "processing",
      to: "authorized",
      set: { capturedAmount: 0 },
    });
  });
});

describe("paymentEventOf: what a verified notification reports", () => {
  const common = { dedupeKey: "k", summary: "s", detail: null, amount: 500 as never, currency: "EUR" };

  it("a status as such; approved as approved (the capture mode decides)", () => {
    expect(paymentEventOf({ ...common, kind: "payment-status", status: "failed" })).toEqual({
      kind: "status",
      status: "failed",
    });
    expect(paymentEventOf({ ...common, kind: "payment-status", status: "approved" })).toEqual({ kind: "approved" });
  });

  it("a capture: succeeded with its amount captured; a failed one reports the authorization as it is", () => {
    expect(paymentEventOf({ ...common, kind: "capture", result: "captured" })).toEqual({
      kind: "status",
      status: "succeeded",
      capturedAmount: 500,
    });
    expect(paymentEventOf({ ...common, kind: "capture", result: "failed" })).toEqual({
      kind: "status",
      status: "authorized",
    });
  });

  it("a refund: its own amount, not the payment's it repeats", () => {
    expect(paymentEventOf({ ...common, kind: "refund", paymentAmount: 9000 as never })).toEqual({
      kind: "refund",
      amount: 500,
    });
  });
});

describe("decideOrder: what a payment's move does to its order", () => {
  const attempt = (id: string, status: PaymentStatus) => ({ id, status });
  it.each([
    {
      case: "its status follows its attempts",
      attempts: [attempt("a", "failed"), attempt("b", "succeeded")],
      moved: { id: "b", from: "processing", to: "succeeded" },
      expected: { status: "paid" },
    },
    {
      case: "a failed latest attempt fails it",
      attempts: [attempt("a", "failed")],
      moved: { id: "a", from: "processing", to: "failed" },
      expected: { status: "failed" },
    },
    {
      case: "money taken while another attempt holds the order's is a second charge of that attempt",
      attempts: [attempt("kept", "succeeded"), attempt("extra", "authorized")],
      moved: { id: "extra", from: "superseded", to: "authorized" },
      expected: { status: "paid", secondChargeOf: "kept" },
    },
    {
      case: "a paid attempt moving on (captured, refunded) is no second charge",
      attempts: [attempt("kept", "succeeded"), attempt("extra", "succeeded")],
      moved: { id: "extra", from: "authorized", to: "succeeded" },
      expected: { status: "paid" },
    },
  ] as const)("$case", ({ attempts, moved, expected }) => {
    expect(decideOrder(attempts, moved)).toStrictEqual(expected);
  });
});
