import { describe, expect, it } from "vitest";
import {
  canTransition,
  isAhead,
  isBehind,
  isLive,
  isSwitchable,
  isTerminal,
  orderStatusFromPayments,
  PAYMENT_STATUSES,
  sourcesOf,
  type PaymentStatus,
} from "./state";

// The diagram of ARCHITECTURE.md, written out edge by edge (forward skips included).
const EXPECTED_ALLOWED = new Set([
  "created>requires_action",
  "created>processing",
  "created>authorized",
  "created>succeeded",
  "created>failed",
  "created>superseded",
  "requires_action>processing",
  "requires_action>authorized",
  "requires_action>succeeded",
  "requires_action>failed",
  "requires_action>expired",
  "requires_action>superseded",
  "processing>authorized",
  "processing>succeeded",
  "processing>failed",
  "processing>superseded",
  "superseded>authorized",
  "superseded>succeeded",
  "authorized>succeeded",
  "authorized>canceled",
  "authorized>failed",
  "succeeded>partially_refunded",
  "succeeded>refunded",
  "partially_refunded>partially_refunded",
  "partially_refunded>refunded",
]);

describe("payment state machine", () => {
  const pairs = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as const));

  it("covers all 121 pairs", () => {
    expect(pairs).toHaveLength(121);
  });

  it.each(pairs)("%s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(EXPECTED_ALLOWED.has(`${from}>${to}`));
  });

  it("never moves a terminal state", () => {
    const terminal = PAYMENT_STATUSES.filter(isTerminal);
    expect(terminal.sort()).toEqual(["canceled", "expired", "failed", "refunded"]);
    for (const from of terminal) for (const to of PAYMENT_STATUSES) expect(canTransition(from, to)).toBe(false);
  });

  it("never goes backwards to created", () => {
    for (const from of PAYMENT_STATUSES) expect(canTransition(from, "created")).toBe(false);
  });

  it("gives the compare-and-set sources of each target", () => {
    expect(sourcesOf("succeeded").sort()).toEqual([
      "authorized",
      "created",
      "processing",
      "requires_action",
      "superseded",
    ]);
    expect(sourcesOf("superseded").sort()).toEqual(["created", "processing", "requires_action"]);
    expect(sourcesOf("canceled")).toEqual(["authorized"]);
    expect(sourcesOf("created")).toEqual([]);
  });
});

describe("order status follows its payments", () => {
  const of = (...statuses: PaymentStatus[]) => orderStatusFromPayments(statuses.map((status) => ({ status })));

  it("is pending with no attempt or a pending latest attempt", () => {
    expect(of()).toBe("pending");
    expect(of("requires_action")).toBe("pending");
    expect(of("failed", "processing")).toBe("pending");
  });

  it("is failed when the latest attempt failed or expired", () => {
    expect(of("failed")).toBe("failed");
    expect(of("failed", "expired")).toBe("failed");
  });

  it("is paid once any attempt is paid, even beside failed ones", () => {
    expect(of("failed", "succeeded")).toBe("paid");
    expect(of("authorized")).toBe("paid");
    expect(of("partially_refunded")).toBe("paid");
  });

  it("offers paying again once the latest attempt was superseded with nothing after it", () => {
    expect(of("superseded")).toBe("failed");
    expect(of("superseded", "requires_action")).toBe("pending");
    expect(of("superseded", "succeeded")).toBe("paid");
  });

  it("is paid once when a superseded attempt's money came anyway (the extra is returned, the order stays paid)", () => {
    expect(of("succeeded", "refunded")).toBe("paid");
    expect(of("refunded", "succeeded")).toBe("paid");
  });

  it("is refunded or canceled when that is where the money ended", () => {
    expect(of("refunded")).toBe("refunded");
    expect(of("canceled")).toBe("canceled");
  });
});

describe("isAhead: a notification that came before the one it follows", () => {
  it("is a state reachable later but not next (a refund before the success, a void before the authorization)", () => {
    expect(isAhead("requires_action", "refunded")).toBe(true);
    expect(isAhead("processing", "partially_refunded")).toBe(true);
    expect(isAhead("processing", "canceled")).toBe(true);
  });

  it("is never the next step, a step back, or anything after a terminal state", () => {
    expect(isAhead("requires_action", "succeeded")).toBe(false);
    expect(isAhead("succeeded", "processing")).toBe(false);
    expect(isAhead("refunded", "partially_refunded")).toBe(false);
    for (const terminal of PAYMENT_STATUSES.filter(isTerminal)) {
      for (const to of PAYMENT_STATUSES) expect(isAhead(terminal, to)).toBe(false);
    }
  });
});

describe("one live attempt per order", () => {
  it("counts an attempt live until it ended or holds captured money", () => {
    expect(PAYMENT_STATUSES.filter(isLive).sort()).toEqual(["authorized", "created", "processing", "requires_action"]);
  });

  it("lets the shopper switch away only from an attempt that took no money", () => {
    expect(PAYMENT_STATUSES.filter(isSwitchable).sort()).toEqual(["created", "processing", "requires_action"]);
  });

  it("lets money reported for a superseded attempt in, so that it can be returned", () => {
    expect(canTransition("superseded", "succeeded")).toBe(true);
    expect(canTransition("superseded", "authorized")).toBe(true);
    expect(canTransition("superseded", "failed")).toBe(false);
    expect(isAhead("superseded", "refunded")).toBe(true);
    expect(isAhead("superseded", "failed")).toBe(false);
  });
});

describe("isBehind: a notification of a state the payment has already moved past", () => {
  // [the payment's state, the reported state, stale?]
  it.each([
    // Reachable back from the payment's state: a PROCESSING after the success, a success after the refund.
    ["succeeded", "processing", true],
    ["refunded", "succeeded", true],
    ["failed", "requires_action", true],
    ["canceled", "authorized", true],
    ["partially_refunded", "succeeded", true],
    // A superseded attempt: still waiting before the shop closed it, or ended without money as the shop meant.
    ["superseded", "requires_action", true],
    ["superseded", "failed", true],
    ["superseded", "canceled", true],
    ["superseded", "expired", true],
    // Its money coming anyway is a move (then returned); its refund before that success is early.
    ["superseded", "succeeded", false],
    ["superseded", "refunded", false],
    // The same state, a state ahead, or one that can never lead to the payment's state (a refund of
    // a failed payment, a success after the void, a PROCESSING after the expiry).
    ["succeeded", "succeeded", false],
    ["partially_refunded", "partially_refunded", false],
    ["requires_action", "succeeded", false],
    ["requires_action", "refunded", false],
    ["failed", "refunded", false],
    ["canceled", "succeeded", false],
    ["expired", "processing", false],
  ] as const)("%s, reported %s: %s", (from, to, stale) => {
    expect(isBehind(from, to)).toBe(stale);
  });

  it("is never true together with isAhead or an allowed move: each report is one of next, early, stale or impossible", () => {
    for (const from of PAYMENT_STATUSES) {
      for (const to of PAYMENT_STATUSES) {
        const kinds = [canTransition(from, to), isAhead(from, to), isBehind(from, to)].filter(Boolean);
        expect(kinds.length, `${from} -> ${to}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
