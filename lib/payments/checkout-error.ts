import "server-only";

/** The way to pay an attempt used, for words: the shop names it for the shopper in their language. */
export interface AttemptMethod {
  provider: string;
  method: string;
}

/**
 * Why the payment core refused, as a message key of the catalogue's `CheckoutErrors` and its values:
 * the decision stays here, the words are the shopper's language's (the checkout's server actions
 * word it). The English `message` stays for logs and callers that show no page.
 */
export type CheckoutProblem =
  | {
      code:
        "orderMissing" | "orderPaid" | "walletNotLinked" | "savedCardUnusable" | "attemptRace" | "paymentDisappeared";
    }
  | { code: "methodNotOffered"; provider: string; method: string; currency: string }
  | { code: "attemptStarting" | "attemptProcessing" | "attemptOpen" | "attemptNotClosed"; attempt: AttemptMethod }
  | { code: "attemptOpenUntilExpiry"; attempt: AttemptMethod; provider: string; qr: boolean; until: Date | null };

export class CheckoutError extends Error {
  /** Set where a shopper may read it; without one, the English message is all there is. */
  readonly problem?: CheckoutProblem;

  constructor(message: string, problem?: CheckoutProblem) {
    super(message);
    this.name = "CheckoutError";
    this.problem = problem;
  }
}
