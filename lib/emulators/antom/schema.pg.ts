import { bigint, boolean, index, jsonb, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, emulatorsTable } from "../schema.pg";

/** The card a payment was made with, or a stored card: the same columns in both tables. */
const cardColumns = () => ({
  /** Masked card (first six, last four): never the full number, never the CVV. */
  cardMasked: text("card_masked").notNull(),
  cardBrand: text("card_brand").notNull(),
  funding: text("funding").notNull(),
  issuingCountry: text("issuing_country").notNull(),
  expiryMonth: text("expiry_month").notNull(),
  expiryYear: text("expiry_year").notNull(),
  holderFirstName: text("holder_first_name").notNull(),
  holderLastName: text("holder_last_name").notNull(),
});

/** Antom: payments created by pay (cards, by number or by stored card token). */
export const antomPayments = emulatorsTable(
  "antom_payments",
  {
    paymentId: text("payment_id").primaryKey(),
    clientId: text("client_id").notNull(),
    paymentRequestId: text("payment_request_id").notNull(),
    /** SHA-256 of the canonical request body (to tell a repeat from a different request); never the body itself. */
    requestHash: text("request_hash").notNull(),
    /** The first answer's body, returned as is to a repeated identical request. */
    firstAnswer: text("first_answer").notNull(),
    /** Minor units of `currency`. */
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["PROCESSING", "SUCCESS", "FAIL", "CANCELLED"] }).notNull(),
    resultCode: text("result_code").notNull(),
    resultMessage: text("result_message").notNull(),
    captureMode: text("capture_mode", { enum: ["AUTOMATIC", "MANUAL"] }).notNull(),
    capturedMinor: bigint("captured_minor", { mode: "number" }).notNull().default(0),
    /** Set by the first capture (a partial capture releases the rest: no second capture). */
    captureClosed: boolean("capture_closed").notNull().default(false),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    ...cardColumns(),
    /** What the shared catalogue scripts for this card (approve, challenge, decline, pending). */
    cardOutcome: text("card_outcome").notNull(),
    avsResultRaw: text("avs_result_raw").notNull(),
    cvvResultRaw: text("cvv_result_raw").notNull(),
    networkTransactionId: text("network_transaction_id").notNull(),
    threeDSResult: jsonb("three_ds_result").$type<Record<string, string> | null>(),
    /** A card token asked for (tokenize / isCardOnFile), issued when the payment succeeds. */
    tokenizeRequested: boolean("tokenize_requested").notNull().default(false),
    cardToken: text("card_token"),
    /** The stored card this payment was made with (paymentMethodId). */
    paidWithToken: text("paid_with_token"),
    merchantInitiatedType: text("merchant_initiated_type"),
    paymentNotifyUrl: text("payment_notify_url"),
    paymentRedirectUrl: text("payment_redirect_url"),
    /** The origin the merchant called (the 3DS page URL is built on it). */
    origin: text("origin").notNull(),
    /** env.browserInfo.language as sent ("zh_CN") [doc: seed 002]: the language of the 3DS page. */
    language: text("language"),
    awaitingChallenge: boolean("awaiting_challenge").notNull().default(false),
    /** When a PROCESSING payment (test card ...0119) settles by itself. */
    settleAt: at("settle_at"),
    paymentTime: at("payment_time"),
    /** How notifications behave for this payment: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("antom_payments_request_idx").on(t.clientId, t.paymentRequestId),
    index("antom_payments_status_idx").on(t.status),
  ],
);

/** Antom: captures, refunds and cancellations of a payment, each keyed by the merchant's request id. */
export const antomTransactions = emulatorsTable(
  "antom_transactions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["CAPTURE", "REFUND", "CANCEL"] }).notNull(),
    clientId: text("client_id").notNull(),
    /** captureRequestId, refundRequestId, or (cancel) the payment id. */
    requestId: text("request_id").notNull(),
    requestHash: text("request_hash").notNull(),
    firstAnswer: text("first_answer").notNull(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => antomPayments.paymentId),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["SUCCESS"] })
      .notNull()
      .default("SUCCESS"),
    reason: text("reason"),
    notifyUrl: text("notify_url"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("antom_transactions_request_idx").on(t.clientId, t.kind, t.requestId),
    index("antom_transactions_payment_idx").on(t.paymentId),
  ],
);

/** Antom: stored cards (card on file), charged later by paymentMethodId. */
export const antomCardTokens = emulatorsTable("antom_card_tokens", {
  token: text("token").primaryKey(),
  clientId: text("client_id").notNull(),
  ...cardColumns(),
  cardOutcome: text("card_outcome").notNull(),
  networkTransactionId: text("network_transaction_id").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export type AntomPaymentRow = typeof antomPayments.$inferSelect;
export type AntomTransactionRow = typeof antomTransactions.$inferSelect;
export type AntomCardTokenRow = typeof antomCardTokens.$inferSelect;
