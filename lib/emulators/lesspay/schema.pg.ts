import { bigint, boolean, index, integer, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, emulatorsTable } from "../schema.pg";

/** Lesspay: orders created by create-order (cashier or OpenAPI, card or stored-card token). */
export const lesspayOrders = emulatorsTable(
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
    storeRequested: boolean("store_requested").notNull().default(false),
    cardToken: text("card_token"),
    /** The origin the merchant called (hosted page URLs are built on it). */
    origin: text("origin").notNull(),
    awaitingChallenge: boolean("awaiting_challenge").notNull().default(false),
    /** When a processing OpenAPI order (or test card ...0119) reaches its scripted outcome. */
    settleAt: at("settle_at"),
    /** How callbacks behave for this order: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    /** A risk event scripted by the holder name, sent once the payment callback was attempted. */
    pendingRiskEvent: text("pending_risk_event"),
    riskAfterOutboxId: bigint("risk_after_outbox_id", { mode: "number" }),
    finishedAt: at("finished_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("lesspay_orders_request_idx").on(t.appId, t.requestId),
    index("lesspay_orders_status_idx").on(t.status),
  ],
);

/** Lesspay: stored cards (store_for_future_use), charged later with extra_type token. */
export const lesspayCardTokens = emulatorsTable("lesspay_card_tokens", {
  token: text("token").primaryKey(),
  appId: text("app_id").notNull(),
  /** Masked card (first six, last four): never the full number, never the CVV. */
  cardMasked: text("card_masked").notNull(),
  cardBrand: text("card_brand").notNull(),
  expiryMonth: integer("expiry_month").notNull(),
  expiryYear: integer("expiry_year").notNull(),
  holderName: text("holder_name").notNull(),
  cardOutcome: text("card_outcome").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export type LesspayOrderRow = typeof lesspayOrders.$inferSelect;
export type LesspayCardTokenRow = typeof lesspayCardTokens.$inferSelect;
