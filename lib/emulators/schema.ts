import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The emulators' own database (a separate file the shop never opens). */

const now = sql`(unixepoch('subsec') * 1000)`;

/** Notifications waiting to be delivered, with their retry state. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    /** What the notification is about, for the operator (e.g. the provider's payment id). */
    subject: text("subject").notNull(),
    /** The merchant's own reference of the payment (for the QA console), when the emulator knows it. */
    reference: text("reference"),
    targetUrl: text("target_url").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    /** Seconds to wait after each failed attempt; its length + 1 is the number of attempts. */
    retrySchedule: text("retry_schedule", { mode: "json" }).$type<number[]>().notNull(),
    /**
     * What counts as delivered: any 2xx (most providers), antom_result_s, a 2xx whose JSON body
     * has `result.resultStatus === "S"` (Antom), or lesspay_success_text, a 2xx whose body,
     * trimmed, is exactly `SUCCESS` (Lesspay).
     */
    ackRule: text("ack_rule", { enum: ["any_2xx", "antom_result_s", "lesspay_success_text"] })
      .notNull()
      .default("any_2xx"),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: ["pending", "delivered", "gave_up", "held"] })
      .notNull()
      .default("pending"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

export const outboxAttempts = sqliteTable("outbox_attempts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  outboxId: integer("outbox_id")
    .notNull()
    .references(() => outbox.id),
  attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  httpStatus: integer("http_status"),
  error: text("error"),
  durationMs: integer("duration_ms").notNull(),
});

/** Ping Payments: payment orders. */
export const pingPaymentOrders = sqliteTable("ping_payment_orders", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  splitTreeId: text("split_tree_id").notNull(),
  currency: text("currency").notNull(),
  status: text("status", { enum: ["OPEN", "CLOSED", "SPLIT", "SETTLED"] })
    .notNull()
    .default("OPEN"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/** Ping Payments: payments, with the PaymentIQ checkout state. */
export const pingPayments = sqliteTable(
  "ping_payments",
  {
    id: text("id").primaryKey(),
    paymentOrderId: text("payment_order_id")
      .notNull()
      .references(() => pingPaymentOrders.id),
    tenantId: text("tenant_id").notNull(),
    currency: text("currency").notNull(),
    totalAmount: integer("total_amount").notNull(),
    method: text("method").notNull(),
    provider: text("provider").notNull(),
    status: text("status", {
      enum: ["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"],
    }).notNull(),
    statusReasonCode: text("status_reason_code"),
    statusReasonDescription: text("status_reason_description"),
    orderItems: text("order_items", { mode: "json" }).$type<unknown[]>().notNull(),
    payer: text("payer", { mode: "json" }).$type<Record<string, unknown> | null>(),
    providerMethodParameters: text("provider_method_parameters", { mode: "json" })
      .$type<Record<string, unknown>>()
      .notNull(),
    statusCallbackUrl: text("status_callback_url"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown> | null>(),
    /** Masked card used on the PaymentIQ page (first six, last four): never the full number. */
    cardMasked: text("card_masked"),
    /** When a PENDING payment settles by itself (test card ...0119). */
    settleAt: integer("settle_at", { mode: "timestamp_ms" }),
    /** How the status callback behaves for this payment: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("ping_payments_order_idx").on(t.paymentOrderId)],
);

export type OutboxRow = typeof outbox.$inferSelect;
export type PingPaymentRow = typeof pingPayments.$inferSelect;
export type PingPaymentOrderRow = typeof pingPaymentOrders.$inferSelect;

/** PingPongCheckout: jsGeneratedData issued by the risk-control plugin's init call. */
export const pingpongRiskInits = sqliteTable(
  "pingpong_risk_inits",
  {
    threeDInitTransId: text("three_d_init_trans_id").primaryKey(),
    accId: text("acc_id").notNull(),
    requestId: text("request_id").notNull(),
    /** First six digits only: the plugin never sends the full number. */
    cardBin: text("card_bin").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("pingpong_risk_inits_request_idx").on(t.accId, t.requestId)],
);

/** PingPongCheckout: transactions created by unifiedPay (cards and APMs). */
export const pingpongTransactions = sqliteTable(
  "pingpong_transactions",
  {
    transactionId: text("transaction_id").primaryKey(),
    accId: text("acc_id").notNull(),
    clientId: text("client_id").notNull(),
    requestId: text("request_id").notNull(),
    merchantTransactionId: text("merchant_transaction_id").notNull(),
    /** Minor units of `currency` (JPY 0, KWD/BHD 3, else 2 decimals). */
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["SUCCESS", "PROCESSING", "FAILED", "CLOSED"] }).notNull(),
    /** The answer's code and description (000000, or the failure code). */
    resultCode: text("result_code").notNull(),
    resultDescription: text("result_description").notNull(),
    methodType: text("method_type").notNull(),
    /** Masked card (first six, last four): never the full number, never the CVV. */
    cardMasked: text("card_masked"),
    cardBrand: text("card_brand"),
    captureDelayHours: integer("capture_delay_hours").notNull().default(0),
    notificationUrl: text("notification_url").notNull(),
    payResultUrl: text("pay_result_url").notNull(),
    payCancelUrl: text("pay_cancel_url"),
    closeNotificationUrl: text("close_notification_url"),
    merchantUserId: text("merchant_user_id"),
    customerEmail: text("customer_email"),
    /** The origin the merchant called (hosted page URLs are built on it). */
    origin: text("origin").notNull(),
    awaitingChallenge: integer("awaiting_challenge", { mode: "boolean" }).notNull().default(false),
    /** When a PROCESSING card payment (test card ...0119) settles by itself. */
    settleAt: integer("settle_at", { mode: "timestamp_ms" }),
    /** When a QR code expires (QR APMs). */
    qrExpiresAt: integer("qr_expires_at", { mode: "timestamp_ms" }),
    succeededAt: integer("succeeded_at", { mode: "timestamp_ms" }),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    /** How notifications behave for this transaction: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("pingpong_transactions_merchant_idx").on(t.accId, t.merchantTransactionId),
    index("pingpong_transactions_status_idx").on(t.status),
  ],
);

/** PingPongCheckout: refunds and voids (kind), each keyed by the merchant's own requestId. */
export const pingpongAdjustments = sqliteTable(
  "pingpong_adjustments",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["REFUND", "VOID"] }).notNull(),
    accId: text("acc_id").notNull(),
    requestId: text("request_id").notNull(),
    transactionId: text("transaction_id")
      .notNull()
      .references(() => pingpongTransactions.transactionId),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["SUCCESS"] }).notNull(),
    reason: text("reason"),
    /** A refund's own notificationUrl (else the payment's). */
    notificationUrl: text("notification_url"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("pingpong_adjustments_request_idx").on(t.accId, t.kind, t.requestId)],
);

export type PingpongTransactionRow = typeof pingpongTransactions.$inferSelect;
export type PingpongAdjustmentRow = typeof pingpongAdjustments.$inferSelect;

/**
 * PingPongCheckout one-click (CodeGrant) wallet tokens: created PENDING by /v4/paymethod/bind
 * (flow "sign") and answered on the wallet's signing page, or created ACTIVE by the legacy
 * /v4/paymethod/authorize (flow "auth").
 */
export const pingpongWalletTokens = sqliteTable(
  "pingpong_wallet_tokens",
  {
    token: text("token").primaryKey(),
    flow: text("flow", { enum: ["sign", "auth"] }).notNull(),
    accId: text("acc_id").notNull(),
    clientId: text("client_id").notNull(),
    /** The bind's (or the legacy auth's) requestId, echoed in the token's notifications. */
    requestId: text("request_id").notNull(),
    merchantUserId: text("merchant_user_id").notNull(),
    walletType: text("wallet_type").notNull(),
    merchantResultUrl: text("merchant_result_url").notNull(),
    /** Where SIGN / UNBIND notifications go (the legacy flow may have none). */
    notificationUrl: text("notification_url"),
    orderTerminal: text("order_terminal"),
    status: text("status", { enum: ["PENDING", "ACTIVE", "DECLINED", "REVOKED"] }).notNull(),
    unbindSource: text("unbind_source", { enum: ["MERCHANT", "WALLET"] }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("pingpong_wallet_tokens_request_idx").on(t.accId, t.flow, t.requestId)],
);

/** PingPongCheckout legacy authorization (deprecated in seed 001): auth link, then a one-time code. */
export const pingpongWalletAuths = sqliteTable("pingpong_wallet_auths", {
  authId: text("auth_id").primaryKey(),
  accId: text("acc_id").notNull(),
  clientId: text("client_id").notNull(),
  requestId: text("request_id").notNull(),
  merchantUserId: text("merchant_user_id").notNull(),
  walletType: text("wallet_type").notNull(),
  merchantResultUrl: text("merchant_result_url").notNull(),
  notificationUrl: text("notification_url"),
  /** PENDING (link not answered), AUTHORIZED (code issued), USED (code exchanged for a token). */
  status: text("status", { enum: ["PENDING", "AUTHORIZED", "USED"] }).notNull(),
  code: text("code").unique(),
  token: text("token"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/** PingPongCheckout: unifiedPay transactions paid with a one-click token (bizType CodeGrant). */
export const pingpongWalletPayments = sqliteTable("pingpong_wallet_payments", {
  transactionId: text("transaction_id")
    .primaryKey()
    .references(() => pingpongTransactions.transactionId),
  token: text("token").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export type PingpongWalletTokenRow = typeof pingpongWalletTokens.$inferSelect;
export type PingpongWalletAuthRow = typeof pingpongWalletAuths.$inferSelect;

/** Antom: payments created by pay (cards, by number or by stored card token). */
export const antomPayments = sqliteTable(
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
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["PROCESSING", "SUCCESS", "FAIL", "CANCELLED"] }).notNull(),
    resultCode: text("result_code").notNull(),
    resultMessage: text("result_message").notNull(),
    captureMode: text("capture_mode", { enum: ["AUTOMATIC", "MANUAL"] }).notNull(),
    capturedMinor: integer("captured_minor").notNull().default(0),
    /** Set by the first capture (a partial capture releases the rest: no second capture). */
    captureClosed: integer("capture_closed", { mode: "boolean" }).notNull().default(false),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    /** Masked card (first six, last four): never the full number, never the CVV. */
    cardMasked: text("card_masked").notNull(),
    cardBrand: text("card_brand").notNull(),
    funding: text("funding").notNull(),
    issuingCountry: text("issuing_country").notNull(),
    expiryMonth: text("expiry_month").notNull(),
    expiryYear: text("expiry_year").notNull(),
    holderFirstName: text("holder_first_name").notNull(),
    holderLastName: text("holder_last_name").notNull(),
    /** What the shared catalogue scripts for this card (approve, challenge, decline, pending). */
    cardOutcome: text("card_outcome").notNull(),
    avsResultRaw: text("avs_result_raw").notNull(),
    cvvResultRaw: text("cvv_result_raw").notNull(),
    networkTransactionId: text("network_transaction_id").notNull(),
    threeDSResult: text("three_ds_result", { mode: "json" }).$type<Record<string, string> | null>(),
    /** A card token asked for (tokenize / isCardOnFile), issued when the payment succeeds. */
    tokenizeRequested: integer("tokenize_requested", { mode: "boolean" }).notNull().default(false),
    cardToken: text("card_token"),
    /** The stored card this payment was made with (paymentMethodId). */
    paidWithToken: text("paid_with_token"),
    merchantInitiatedType: text("merchant_initiated_type"),
    paymentNotifyUrl: text("payment_notify_url"),
    paymentRedirectUrl: text("payment_redirect_url"),
    /** The origin the merchant called (the 3DS page URL is built on it). */
    origin: text("origin").notNull(),
    awaitingChallenge: integer("awaiting_challenge", { mode: "boolean" }).notNull().default(false),
    /** When a PROCESSING payment (test card ...0119) settles by itself. */
    settleAt: integer("settle_at", { mode: "timestamp_ms" }),
    paymentTime: integer("payment_time", { mode: "timestamp_ms" }),
    /** How notifications behave for this payment: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("antom_payments_request_idx").on(t.clientId, t.paymentRequestId),
    index("antom_payments_status_idx").on(t.status),
  ],
);

/** Antom: captures, refunds and cancellations of a payment, each keyed by the merchant's request id. */
export const antomTransactions = sqliteTable(
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
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["SUCCESS"] })
      .notNull()
      .default("SUCCESS"),
    reason: text("reason"),
    notifyUrl: text("notify_url"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("antom_transactions_request_idx").on(t.clientId, t.kind, t.requestId),
    index("antom_transactions_payment_idx").on(t.paymentId),
  ],
);

/** Antom: stored cards (card on file), charged later by paymentMethodId. */
export const antomCardTokens = sqliteTable("antom_card_tokens", {
  token: text("token").primaryKey(),
  clientId: text("client_id").notNull(),
  /** Masked card (first six, last four): never the full number, never the CVV. */
  cardMasked: text("card_masked").notNull(),
  cardBrand: text("card_brand").notNull(),
  funding: text("funding").notNull(),
  issuingCountry: text("issuing_country").notNull(),
  expiryMonth: text("expiry_month").notNull(),
  expiryYear: text("expiry_year").notNull(),
  holderFirstName: text("holder_first_name").notNull(),
  holderLastName: text("holder_last_name").notNull(),
  cardOutcome: text("card_outcome").notNull(),
  networkTransactionId: text("network_transaction_id").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export type AntomPaymentRow = typeof antomPayments.$inferSelect;
export type AntomTransactionRow = typeof antomTransactions.$inferSelect;
export type AntomCardTokenRow = typeof antomCardTokens.$inferSelect;

/** Lesspay: orders created by create-order (cashier or OpenAPI, card or stored-card token). */
export const lesspayOrders = sqliteTable(
  "lesspay_orders",
  {
    payOrderId: text("pay_order_id").primaryKey(),
    payOrderDetailId: text("pay_order_detail_id").notNull(),
    payOrderDetailIdEncode: text("pay_order_detail_id_encode").notNull(),
    appId: text("app_id").notNull(),
    /** The merchant's request_id (mchOrderNo): unique per app. */
    requestId: text("request_id").notNull(),
    /** The decimal string as the merchant sent it ("100.00"), echoed as is. */
    targetAmount: text("target_amount").notNull(),
    targetCurrency: text("target_currency").notNull(),
    /** 1 cashier, 2 OpenAPI. */
    payAccessType: integer("pay_access_type").notNull(),
    notifyUrl: text("notify_url").notNull(),
    successUrl: text("success_url").notNull(),
    failUrl: text("fail_url").notNull(),
    productName: text("product_name").notNull(),
    description: text("description").notNull(),
    /** Order status int: 0 PENDING_CONFIRM, 1 PENDING_PAY, 2 SUCCEED, 3 FAILED, 4 CANCELED, 5 REFUND, 6 CLOSED, 12 PAID. */
    status: integer("status").notNull(),
    failReason: text("fail_reason"),
    /** Masked card (first six, last four): never the full number, never the CVV. */
    cardMasked: text("card_masked"),
    cardBrand: text("card_brand"),
    cardExpiryMonth: integer("card_expiry_month"),
    cardExpiryYear: integer("card_expiry_year"),
    holderName: text("holder_name"),
    /** What the shared catalogue scripts for the card (JSON of a CardOutcome). */
    cardOutcome: text("card_outcome"),
    /** The stored card this order was paid with. */
    paidWithToken: text("paid_with_token"),
    /** store_for_future_use asked: a card token is issued when the order succeeds. */
    storeRequested: integer("store_requested", { mode: "boolean" }).notNull().default(false),
    cardToken: text("card_token"),
    /** The origin the merchant called (hosted page URLs are built on it). */
    origin: text("origin").notNull(),
    awaitingChallenge: integer("awaiting_challenge", { mode: "boolean" }).notNull().default(false),
    /** When a processing OpenAPI order (or test card ...0119) reaches its scripted outcome. */
    settleAt: integer("settle_at", { mode: "timestamp_ms" }),
    /** How callbacks behave for this order: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    /** A risk event scripted by the holder name, sent once the payment callback was attempted. */
    pendingRiskEvent: text("pending_risk_event"),
    riskAfterOutboxId: integer("risk_after_outbox_id"),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("lesspay_orders_request_idx").on(t.appId, t.requestId),
    index("lesspay_orders_status_idx").on(t.status),
  ],
);

/** Lesspay: stored cards (store_for_future_use), charged later with extra_type token. */
export const lesspayCardTokens = sqliteTable("lesspay_card_tokens", {
  token: text("token").primaryKey(),
  appId: text("app_id").notNull(),
  /** Masked card (first six, last four): never the full number, never the CVV. */
  cardMasked: text("card_masked").notNull(),
  cardBrand: text("card_brand").notNull(),
  expiryMonth: integer("expiry_month").notNull(),
  expiryYear: integer("expiry_year").notNull(),
  holderName: text("holder_name").notNull(),
  cardOutcome: text("card_outcome").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export type LesspayOrderRow = typeof lesspayOrders.$inferSelect;
export type LesspayCardTokenRow = typeof lesspayCardTokens.$inferSelect;

/**
 * QA control plane: the one-shot override a tester set for a provider's next payment (one row
 * per provider; consumed by the next payment the emulator creates).
 */
export const controlOverrides = sqliteTable("control_overrides", {
  provider: text("provider").primaryKey(),
  outcome: text("outcome", {
    enum: ["approve", "decline", "challenge", "http_500", "timeout", "html", "malformed_json"],
  }),
  declineReason: text("decline_reason", { enum: ["generic", "insufficient_funds", "expired_card"] }),
  notificationMode: text("notification_mode", {
    enum: ["on_time", "delayed", "duplicated", "out_of_order", "dropped", "bad_signature"],
  }),
  notificationSeconds: integer("notification_seconds"),
  notificationCount: integer("notification_count"),
  /** A fault outcome after the charge: the payment is stored and approved, then answered badly. */
  charge: integer("charge", { mode: "boolean" }).notNull().default(false),
  /** Real seconds the answer is held after the payment is stored (a crash test kills the shop meanwhile). */
  holdSeconds: integer("hold_seconds"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/** QA control plane: the override a payment consumed, by provider and the provider's payment id. */
export const controlForcedPayments = sqliteTable(
  "control_forced_payments",
  {
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    outcome: text("outcome", { enum: ["approve", "decline", "challenge"] }),
    declineReason: text("decline_reason", { enum: ["generic", "insufficient_funds", "expired_card"] }),
    notificationMode: text("notification_mode", {
      enum: ["on_time", "delayed", "duplicated", "out_of_order", "dropped", "bad_signature"],
    }),
    notificationSeconds: integer("notification_seconds"),
    notificationCount: integer("notification_count"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] })],
);

export type ControlOverrideRow = typeof controlOverrides.$inferSelect;
export type ControlForcedPaymentRow = typeof controlForcedPayments.$inferSelect;
