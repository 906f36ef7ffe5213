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

async function walletPage(transaction: PingpongTransactionRow): Promise<string> {
  return `${BASE_PATH}/apm/${transaction.transactionId}/${(await flowOf(transaction)) === "qr" ? "scan" : "pay"}`;
}

/** Where the redirect wallet page sends the shopper after the payment's end. */
async function afterWallet(transaction: PingpongTransactionRow): Promise<string> {
  if ((await flowOf(transaction)) === "qr") return walletPage(transaction);
  if (transaction.status === "FAILED" && transaction.payCancelUrl) return transaction.payCancelUrl;
  return transaction.payResultUrl;
}

export async function submitChallenge(transactionId: string, code: string): Promise<HostedStep> {
  const transaction = await findTransaction(transactionId);
  if (!transaction || (await flowOf(transaction)) !== "card") return { notFound: true };
  await finishChallenge(transaction, code, CHALLENGE_PASS_CODE);
  return { redirect: transaction.payResultUrl };
}

export async function walletAnswer(transactionId: string, approve: boolean): Promise<HostedStep> {
  const transaction = await findTransaction(transactionId);
  if (!transaction || (await flowOf(transaction)) === "card") return { notFound: true };
  const moved = await finishApm(transaction, approve);
  return { redirect: await afterWallet(moved ?? (await findTransaction(transactionId))!) };
}

export async function expireWallet(transactionId: string): Promise<HostedStep> {
  const transaction = await findTransaction(transactionId);
  if (!transaction || (await flowOf(transaction)) === "card") return { notFound: true };
  await closeApm(transactionId);
  return { redirect: await walletPage(transaction) };
}

export function toResponse(request: Request, step: HostedStep): Response {
  if ("notFound" in step) return new Response("Unknown transaction", { status: 404 });
  return new Response(null, { status: 303, headers: { location: new URL(step.redirect, request.url).toString() } });
}
