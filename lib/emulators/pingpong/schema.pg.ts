import { bigint, boolean, index, integer, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, emulatorsTable } from "../schema.pg";

/** PingPongCheckout: jsGeneratedData issued by the risk-control plugin's init call. */
export const pingpongRiskInits = emulatorsTable(
  "pingpong_risk_inits",
  {
    threeDInitTransId: text("three_d_init_trans_id").primaryKey(),
    accId: text("acc_id").notNull(),
    requestId: text("request_id").notNull(),
    /** First six digits only: the plugin never sends the full number. */
    cardBin: text("card_bin").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("pingpong_risk_inits_request_idx").on(t.accId, t.requestId)],
);

/** PingPongCheckout: transactions created by unifiedPay (cards and APMs). */
export const pingpongTransactions = emulatorsTable(
  "pingpong_transactions",
  {
    transactionId: text("transaction_id").primaryKey(),
    accId: text("acc_id").notNull(),
    clientId: text("client_id").notNull(),
    requestId: text("request_id").notNull(),
    merchantTransactionId: text("merchant_transaction_id").notNull(),
    /** Minor units of `currency` (JPY 0, KWD/BHD 3, else 2 decimals). */
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
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
    /** browserInfo.language as sent with unifiedPay [doc: PROVIDERS.md §1]: the language of the 3DS page. */
    language: text("language"),
    awaitingChallenge: boolean("awaiting_challenge").notNull().default(false),
    /** When a PROCESSING card payment (test card ...0119) settles by itself. */
    settleAt: at("settle_at"),
    /** When a QR code expires (QR APMs). */
    qrExpiresAt: at("qr_expires_at"),
    succeededAt: at("succeeded_at"),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    /** How notifications behave for this transaction: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pingpong_transactions_merchant_idx").on(t.accId, t.merchantTransactionId),
    index("pingpong_transactions_status_idx").on(t.status),
  ],
);

/** PingPongCheckout: refunds and voids (kind), each keyed by the merchant's own requestId. */
export const pingpongAdjustments = emulatorsTable(
  "pingpong_adjustments",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["REFUND", "VOID"] }).notNull(),
    accId: text("acc_id").notNull(),
    requestId: text("request_id").notNull(),
    transactionId: text("transaction_id")
      .notNull()
      .references(() => pingpongTransactions.transactionId),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["SUCCESS"] }).notNull(),
    reason: text("reason"),
    /** A refund's own notificationUrl (else the payment's). */
    notificationUrl: text("notification_url"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pingpong_adjustments_request_idx").on(t.accId, t.kind, t.requestId)],
);

export type PingpongTransactionRow = typeof pingpongTransactions.$inferSelect;
export type PingpongAdjustmentRow = typeof pingpongAdjustments.$inferSelect;

/** Who asked to link a wallet, and where its answers go: the same columns for a binding and a legacy authorization. */
const walletRequestColumns = () => ({
  accId: text("acc_id").notNull(),
  clientId: text("client_id").notNull(),
  /** The bind's (or the legacy auth's) requestId, echoed in the token's notifications. */
  requestId: text("request_id").notNull(),
  merchantUserId: text("merchant_user_id").notNull(),
  walletType: text("wallet_type").notNull(),
  merchantResultUrl: text("merchant_result_url").notNull(),
  /** Where SIGN / UNBIND notifications go (the legacy flow may have none). */
  notificationUrl: text("notification_url"),
});

/**
 * PingPongCheckout one-click (CodeGrant) wallet tokens: created PENDING by /v4/paymethod/bind
 * (flow "sign") and answered on the wallet's signing page, or created ACTIVE by the legacy
 * /v4/paymethod/authorize (flow "auth").
 */
export const pingpongWalletTokens = emulatorsTable(
  "pingpong_wallet_tokens",
  {
    token: text("token").primaryKey(),
    flow: text("flow", { enum: ["sign", "auth"] }).notNull(),
    ...walletRequestColumns(),
    orderTerminal: text("order_terminal"),
    status: text("status", { enum: ["PENDING", "ACTIVE", "DECLINED", "REVOKED"] }).notNull(),
    unbindSource: text("unbind_source", { enum: ["MERCHANT", "WALLET"] }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("pingpong_wallet_tokens_request_idx").on(t.accId, t.flow, t.requestId)],
);

/** PingPongCheckout legacy authorization (deprecated in seed 001): auth link, then a one-time code. */
export const pingpongWalletAuths = emulatorsTable("pingpong_wallet_auths", {
  authId: text("auth_id").primaryKey(),
  ...walletRequestColumns(),
  /** PENDING (link not answered), AUTHORIZED (code issued), USED (code exchanged for a token). */
  status: text("status", { enum: ["PENDING", "AUTHORIZED", "USED"] }).notNull(),
  code: text("code").unique(),
  token: text("token"),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** PingPongCheckout: unifiedPay transactions paid with a one-click token (bizType CodeGrant). */
export const pingpongWalletPayments = emulatorsTable("pingpong_wallet_payments", {
  transactionId: text("transaction_id")
    .primaryKey()
    .references(() => pingpongTransactions.transactionId),
  token: text("token").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export type PingpongWalletTokenRow = typeof pingpongWalletTokens.$inferSelect;
export type PingpongWalletAuthRow = typeof pingpongWalletAuths.$inferSelect;
