import { CHALLENGE_PASS_CODE } from "../test-cards";
import type { PingpongTransactionRow } from "./schema";
import { BASE_PATH } from "./config";
import { closeApm, finishApm, finishChallenge, flowOf } from "./api";
import { findTransaction } from "./store";

/**
 * The hosted pages' form posts: the bank's 3DS challenge and the wallet's approve / cancel
 * (plus the QA hook that expires a QR code). Each answers where the browser goes next (303).
 */

export type HostedStep = { redirect: string } | { notFound: true };

function walletPage(transaction: PingpongTransactionRow): string {
  return `${BASE_PATH}/apm/${transaction.transactionId}/${flowOf(transaction) === "qr" ? "scan" : "pay"}`;
}

/** Where the redirect wallet page sends the shopper after the payment's end. */
function afterWallet(transaction: PingpongTransactionRow): string {
  if (flowOf(transaction) === "qr") return walletPage(transaction);
  if (transaction.status === "FAILED" && transaction.payCancelUrl) return transaction.payCancelUrl;
  return transaction.payResultUrl;
}

export function submitChallenge(transactionId: string, code: string): HostedStep {
  const transaction = findTransaction(transactionId);
  if (!transaction || flowOf(transaction) !== "card") return { notFound: true };
  finishChallenge(transaction, code, CHALLENGE_PASS_CODE);
  return { redirect: transaction.payResultUrl };
}

export function walletAnswer(transactionId: string, approve: boolean): HostedStep {
  const transaction = findTransaction(transactionId);
  if (!transaction || flowOf(transaction) === "card") return { notFound: true };
  const moved = finishApm(transaction, approve);
  return { redirect: afterWallet(moved ?? findTransaction(transactionId)!) };
}

export function expireWallet(transactionId: string): HostedStep {
  const transaction = findTransaction(transactionId);
  if (!transaction || flowOf(transaction) === "card") return { notFound: true };
  closeApm(transactionId);
  return { redirect: walletPage(transaction) };
}

export function toResponse(request: Request, step: HostedStep): Response {
  if ("notFound" in step) return new Response("Unknown transaction", { status: 404 });
  return new Response(null, { status: 303, headers: { location: new URL(step.redirect, request.url).toString() } });
}
