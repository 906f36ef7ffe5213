import { describe, expect, it } from "vitest";
import { canTransition, isAhead, isLive, isSwitchable, isTerminal, orderStatusFromPayments, PAYMENT_STATUSES, sourcesOf, type PaymentStatus } from "./state";

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
    expect(sourcesOf("succeeded").sort()).toEqual(["authorized", "created", "processing", "requires_action", "superseded"]);
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
  });
});
