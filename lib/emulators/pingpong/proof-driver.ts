// PingPong's part of the proof suites' notification driver (lib/testing/proof-driver.ts): its
// notifications signed with this emulator's own signing code, as PingPong signs them.
import { toDecimalString } from "@/lib/money";
import { randomUUID } from "node:crypto";
import { serverUrl } from "@/lib/testing/server-url";
import { uniqueDigits, type BrowserRisk, type ProofDriver } from "@/lib/testing/proof-driver";
import { signFields } from "./signature";

/** The shop's default PingPong credentials (the test server runs with none set). */
export const PINGPONG = {
  accId: "2018092714313010016291",
  clientId: "2018092714313010016",
  salt: "emulator-pingpong-salt",
};

/** PingPong's amounts: decimal strings with six decimals ("19.990000", JPY "1500.000000", KWD "12.345000") [doc]. */
export function pingPongAmount(amount: number, currency: string): string {
  const [whole, fraction = ""] = toDecimalString(amount, currency).split(".");
  return `${whole}.${fraction.padEnd(6, "0")}`;
}

export function pingPongEnvelope(
  biz: Record<string, unknown>,
  options: { salt?: string; accId?: string; clientId?: string; code?: string } = {},
): Record<string, unknown> {
  const unsigned = {
    accId: options.accId ?? PINGPONG.accId,
    clientId: options.clientId ?? PINGPONG.clientId,
    signType: "SHA256",
    version: "1.0",
    code: options.code ?? "000000",
    description: options.code && options.code !== "000000" ? "declined" : "success",
    bizContent: JSON.stringify(biz),
  };
  return { ...unsigned, sign: signFields(unsigned, options.salt ?? PINGPONG.salt) };
}

/** PingPong's wallet binding notification (seed 001's SIGN or UNBIND) for `token`, signed as PingPong signs. */
export function pingPongWalletNotification(
  token: string,
  merchantUserId: string,
  notifyType: "SIGN" | "UNBIND" = "SIGN",
): Record<string, unknown> {
  return pingPongEnvelope({
    notifyType,
    requestId: "bind-1",
    merchantUserId,
    token,
    paymentMethod: { type: "AlipayHK" },
    status: "SUCCESS",
  });
}

/** What the risk plugin gives the browser for PingPong's card form (its `complexInit`), over HTTP as the plugin asks. */
export async function pingPongRisk(cardNumber: string): Promise<BrowserRisk> {
  const requestId = `risk${randomUUID().replace(/-/g, "").slice(0, 24)}`;
  const answer = await fetch(`${serverUrl()}/emulators/pingpong/risk/v1/init`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accId: PINGPONG.accId, requestId, cardBin: cardNumber.slice(0, 6) }),
  });
  if (!answer.ok) throw new Error(`risk init: ${answer.status}`);
  return { requestId, ...((await answer.json()) as { jsGeneratedData: Record<string, unknown> }) };
}

export const proofDriver: ProofDriver = {
  provider: "pingpong",
  outcomes: ["processing", "succeeded", "failed", "refunded", "canceled", "expired"],
  terminals: [
    { reach: "failed", from: "requires_action" },
    { reach: "expired", from: "requires_action" },
    { reach: "canceled", from: "authorized" },
    { reach: "refunded", from: "succeeded" },
  ],
  checkout: { method: "card", currency: "USD", cardInShop: true },
  holdsMoney: ["SUCCESS"],
  // A redirect method: its card needs the browser's risk script first.
  faults: { method: "alipay", currency: "USD", card: false },
  // The payer scans the QR code (or approves on the redirect page).
  hostedPage: (ref) => ({ path: `/emulators/pingpong/apm/${encodeURIComponent(ref)}/approve`, fields: {} }),
  browserRisk: pingPongRisk,
  async reference() {
    return { ref: `TX${uniqueDigits()}` };
  },
  async notification(payment, outcome, money = {}) {
    const currency = money.currency ?? payment.currency;
    const amount = pingPongAmount(money.amount ?? payment.amount, currency);
    const base = { merchantTransactionId: payment.id, transactionId: payment.ref, amount, currency };
    const biz: Record<string, unknown> = {
      processing: { ...base, notifyType: "PAYMENT", status: "PROCESSING" },
      succeeded: { ...base, notifyType: "PAYMENT", status: "SUCCESS", captureDelayHours: 0 },
      failed: { ...base, notifyType: "PAYMENT", status: "FAILED" },
      refunded: {
        ...base,
        notifyType: "REFUND",
        status: "SUCCESS",
        refundId: `RF-${payment.ref}`,
        refundAmount: amount,
      },
      canceled: { ...base, notifyType: "VOID", status: "SUCCESS", voidId: `VD-${payment.ref}` },
      expired: { ...base, notifyType: "CLOSE", status: "CLOSED" },
      captured: undefined,
    }[outcome] as Record<string, unknown>;
    if (!biz) throw new Error(`PingPong notifies no ${outcome}`);
    return {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(pingPongEnvelope(biz, { code: outcome === "failed" ? "301002" : "000000" })),
    };
  },
  isAck: (response) => response.status === 200,
};
