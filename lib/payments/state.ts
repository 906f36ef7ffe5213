import type { OrderStatus, PaymentStatus } from "@/lib/db/schema";
export type { PaymentStatus } from "@/lib/db/schema";
export { PAYMENT_STATUSES } from "@/lib/db/schema";

/**
 * The one payment state machine every provider shares.
 *
 *   created ─> requires_action ─> processing ─> authorized ─> succeeded ─> partially_refunded ─> refunded
 *      │             │                │             │   └─> canceled (void)        └──────────────> refunded
 *      └─────────────┴────────────────┴─> failed    └─> failed      requires_action ─> expired
 *      └─────────────┴────────────────┴─> superseded ─> authorized | succeeded (money that came anyway)
 *
 * A provider may skip steps forward (a frictionless card goes from created straight to
 * succeeded), never backward. Terminal states never move. `superseded` is an open attempt the
 * shop closed because the shopper chose another way to pay: it is over for the shop, but money
 * the provider still reports for it is real, so it may still become authorized or succeeded (and
 * is then returned, see `decideOrder` in lib/payments/decide.ts).
 */
const ALLOWED: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: ["requires_action", "processing", "authorized", "succeeded", "failed", "superseded"],
  requires_action: ["processing", "authorized", "succeeded", "failed", "expired", "superseded"],
  processing: ["authorized", "succeeded", "failed", "superseded"],
  authorized: ["succeeded", "canceled", "failed"],
  succeeded: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  refunded: [],
  canceled: [],
  failed: [],
  expired: [],
  superseded: ["authorized", "succeeded"],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The states a payment may be in for a move to `to` to be allowed: the compare-and-set's WHERE. */
export function sourcesOf(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(ALLOWED) as PaymentStatus[]).filter((from) => canTransition(from, to));
}

/** Whether `to` can be reached from `from` by one or more allowed moves. */
function reachable(from: PaymentStatus, to: PaymentStatus): boolean {
  const seen = new Set<PaymentStatus>([from]);
  const queue: PaymentStatus[] = [from];
  while (queue.length > 0) {
    for (const next of ALLOWED[queue.shift()!]) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * Whether `to` lies ahead of `from` (reachable by allowed moves) without being its next step: a
 * notification that came before the one it follows (a refund before the success). Such a one
 * waits; one that lies behind (isBehind) is stale, and one that is neither can never follow.
 */
export function isAhead(from: PaymentStatus, to: PaymentStatus): boolean {
  return !canTransition(from, to) && !confirmsSuperseded(from, to) && reachable(from, to);
}

/**
 * The provider says a superseded attempt ended without money (failed, canceled, expired): what the
 * shop meant when it closed it. News it already has (stale), never a state still to come.
 */
function confirmsSuperseded(from: PaymentStatus, to: PaymentStatus): boolean {
  return from === "superseded" && (to === "failed" || to === "canceled" || to === "expired");
}

/**
 * Whether `to` lies behind `from`: the payment has already moved past it (`from` is reachable
 * from `to`), as for a PROCESSING after the success or a success after the refund. A report of
 * such a state is stale: it is news the payment has already had.
 */
export function isBehind(from: PaymentStatus, to: PaymentStatus): boolean {
  return (from !== to && reachable(to, from)) || confirmsSuperseded(from, to);
}

export function isTerminal(status: PaymentStatus): boolean {
  return ALLOWED[status].length === 0;
}

/** Money has moved (or is reserved) for the order. */
export function isPaid(status: PaymentStatus): boolean {
  return status === "authorized" || status === "succeeded" || status === "partially_refunded";
}

/** Waiting on the shopper or the provider. */
export function isPending(status: PaymentStatus): boolean {
  return status === "created" || status === "requires_action" || status === "processing";
}

/**
 * An attempt that may still take the order's money: while one is live, no other attempt of the
 * order may start (one live attempt per order, see `claimOrderForAttempt`).
 */
export function isLive(status: PaymentStatus): boolean {
  return isPending(status) || status === "authorized";
}

/** An open attempt the shopper may leave for another way to pay (it took no money yet). */
export function isSwitchable(status: PaymentStatus): boolean {
  return isPending(status);
}

/**
 * The order's status follows its payments: paid once any attempt is paid, refunded when the paid
 * one was refunded in full, failed when the latest attempt failed (a new attempt may follow),
 * pending otherwise. `attempts` are oldest first.
 */
export function orderStatusFromPayments(attempts: readonly { status: PaymentStatus }[]): OrderStatus {
  if (attempts.some((p) => isPaid(p.status))) return "paid";
  if (attempts.some((p) => p.status === "refunded")) return "refunded";
  const latest = attempts.at(-1);
  if (!latest || isPending(latest.status)) return "pending";
  if (latest.status === "canceled") return "canceled";
  // failed, expired, or superseded with nothing after it: the shopper may pay again.
  return "failed";
}
