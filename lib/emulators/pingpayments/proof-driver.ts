// Ping Payments' part of the proof suites' notification driver (lib/testing/proof-driver.ts). Its
// status callbacks carry no signature: the shop believes its confirming GET, so each outcome is
// first set on the emulator's payment, which a payment order at the emulator must hold.
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import {
  EMULATOR_MERCHANT_ID,
  EMULATOR_SPLIT_TREE_ID,
  EMULATOR_TENANT,
  pingApi,
} from "@/lib/testing/pingpayments-fixtures";
import type { Money, NotificationRequest, Outcome, ProofDriver, TestPayment } from "@/lib/testing/proof-driver";
import { emulatorDb } from "../db";
import { pingPayments } from "./tables";
import { insertPayment, insertPaymentOrder, movePayment, type PingStatus } from "./store";

const PING_STATUS: Partial<Record<Outcome, PingStatus>> = {
  processing: "PENDING",
  succeeded: "COMPLETED",
  failed: "DECLINED",
};
const ALL_PING_STATUSES: PingStatus[] = ["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"];

/** A payment stored at the Ping Payments emulator (our tenant, or another one) with no callback URL: the test sends the callbacks. */
export async function pingEmulatorPayment(
  money: Money,
  options: { tenantId?: string; merchantReference?: string } = {},
): Promise<{ paymentOrderId: string; paymentId: string }> {
  if (options.tenantId && options.tenantId !== EMULATOR_TENANT.tenant_id) {
    // Another merchant's payment at the same provider: written as the emulator would hold it.
    const order = await insertPaymentOrder({
      id: randomUUID(),
      tenantId: options.tenantId,
      splitTreeId: "tree-other",
      currency: money.currency,
    });
    const payment = await insertPayment({
      id: randomUUID(),
      paymentOrderId: order.id,
      tenantId: options.tenantId,
      currency: money.currency,
      totalAmount: money.amount,
      method: "card",
      provider: "payment_iq",
      status: "COMPLETED",
      orderItems: [{ amount: money.amount, name: "Item", merchant_id: "m-other", vat_rate: 25 }],
      payer: { name: "Other Payer" },
      providerMethodParameters: { success_url: "http://localhost:9/success", error_url: "http://localhost:9/error" },
      metadata: options.merchantReference ? { merchant_reference: options.merchantReference } : null,
    });
    return { paymentOrderId: order.id, paymentId: payment.id };
  }
  const order = await pingApi("POST", "/payment_orders", {
    split_tree_id: EMULATOR_SPLIT_TREE_ID,
    currency: money.currency,
  });
  if (order.status !== 200) throw new Error(`payment order: ${order.status} ${JSON.stringify(order.json)}`);
  const paymentOrderId = order.json!.id as string;
  const created = await pingApi("POST", `/payment_orders/${paymentOrderId}/payments`, {
    currency: money.currency,
    total_amount: money.amount,
    method: "card",
    provider: "payment_iq",
    order_items: [{ amount: money.amount, name: "Item", merchant_id: EMULATOR_MERCHANT_ID, vat_rate: 25 }],
    payer: { name: "Test Payer" },
    provider_method_parameters: { success_url: "http://localhost:9/success", error_url: "http://localhost:9/error" },
    ...(options.merchantReference ? { metadata: { merchant_reference: options.merchantReference } } : {}),
  });
  if (created.status !== 200) throw new Error(`payment: ${created.status} ${JSON.stringify(created.json)}`);
  return { paymentOrderId, paymentId: created.json!.id as string };
}

/** Sets what the Ping Payments emulator says about a payment (what the confirming GET returns). */
export async function setPingStatus(paymentId: string, status: PingStatus): Promise<void> {
  if (!(await movePayment(paymentId, ALL_PING_STATUSES, status))) throw new Error(`No emulator payment ${paymentId}`);
}

/** Sets the rest of what the confirming GET returns: the payment's money, or our reference (metadata.merchant_reference). */
async function setPingRecord(
  paymentId: string,
  values: Partial<Money> & { merchantReference?: string },
): Promise<void> {
  await (
    await emulatorDb()
  )
    .update(pingPayments)
    .set({
      ...(values.amount === undefined ? {} : { totalAmount: values.amount }),
      ...(values.currency === undefined ? {} : { currency: values.currency }),
      ...(values.merchantReference === undefined ? {} : { metadata: { merchant_reference: values.merchantReference } }),
    })
    .where(eq(pingPayments.id, paymentId));
}

/** The callback of what the emulator's payment now says. */
const callbackOf = (payment: TestPayment, status: PingStatus) =>
  pingCallback({ payment_id: payment.ref, payment_order_id: paymentOrderOf(payment), status });

export function pingCallback(body: Record<string, unknown> | string): NotificationRequest {
  return {
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

/** The payment order at the emulator that holds a test payment (the shop keeps it in providerData). */
export const paymentOrderOf = (payment: { providerData?: Record<string, string> }): string =>
  payment.providerData!.payment_order_id;

export const proofDriver: ProofDriver = {
  provider: "pingpayments",
  outcomes: ["processing", "succeeded", "failed"],
  terminals: [{ reach: "failed", from: "requires_action" }],
  // The payer types the card on PaymentIQ's hosted page.
  checkout: { method: "card", currency: "SEK", cardInShop: false },
  holdsMoney: ["COMPLETED"],
  faults: { method: "card", currency: "SEK", card: false },
  hostedPage: (ref, { cardNumber }) => ({
    path: `/emulators/pingpayments/paymentiq/checkout/${encodeURIComponent(ref)}/submit`,
    fields: { cardholder: "Race Tester", cardNumber, expiry: "12/34", cvc: "737" },
  }),
  async reference(paymentId, remote) {
    // The shop's payment id is in the emulator payment's metadata, as the shop's createPayment puts it.
    const { paymentId: ref, paymentOrderId } = await pingEmulatorPayment(remote, { merchantReference: paymentId });
    return { ref, providerData: { payment_order_id: paymentOrderId } };
  },
  async notification(payment, outcome, money = {}) {
    // The callback carries only ids and a status: what it reports is what the confirming GET says.
    const status = PING_STATUS[outcome];
    if (!status) throw new Error(`Ping Payments notifies no ${outcome}`);
    await setPingStatus(payment.ref, status);
    await setPingRecord(payment.ref, {
      amount: money.amount ?? payment.amount,
      currency: money.currency ?? payment.currency,
    });
    return callbackOf(payment, status);
  },
  isAck: (response) => response.status === 204,
  // A stale PENDING callback: the GET says COMPLETED, so it is the success again.
  async staleProgress(payment) {
    return callbackOf(payment, "PENDING");
  },
  // Believed through the GET: the payment (ours by its id) carries the other one's reference.
  async crossedNames(named, other) {
    await setPingRecord(named.ref, { merchantReference: other.id });
    return proofDriver.notification(named, "succeeded");
  },
  // A completed payment the shop does not know, naming ours as its reference.
  async strangerNamingOurs(named) {
    const stranger = await pingEmulatorPayment(
      { amount: named.amount, currency: named.currency },
      { merchantReference: named.id },
    );
    await setPingStatus(stranger.paymentId, "COMPLETED");
    return pingCallback({
      payment_id: stranger.paymentId,
      payment_order_id: stranger.paymentOrderId,
      status: "COMPLETED",
    });
  },
};
