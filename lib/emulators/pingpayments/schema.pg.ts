import { bigint, index, jsonb, text } from "drizzle-orm/pg-core";
import { at, emulatorsTable } from "../schema.pg";

/** Ping Payments: payment orders. */
export const pingPaymentOrders = emulatorsTable("ping_payment_orders", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  splitTreeId: text("split_tree_id").notNull(),
  currency: text("currency").notNull(),
  status: text("status", { enum: ["OPEN", "CLOSED", "SPLIT", "SETTLED"] })
    .notNull()
    .default("OPEN"),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Ping Payments: payments, with the PaymentIQ checkout state. */
export const pingPayments = emulatorsTable(
  "ping_payments",
  {
    id: text("id").primaryKey(),
    paymentOrderId: text("payment_order_id")
      .notNull()
      .references(() => pingPaymentOrders.id),
    tenantId: text("tenant_id").notNull(),
    currency: text("currency").notNull(),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    method: text("method").notNull(),
    provider: text("provider").notNull(),
    status: text("status", {
      enum: ["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"],
    }).notNull(),
    statusReasonCode: text("status_reason_code"),
    statusReasonDescription: text("status_reason_description"),
    orderItems: jsonb("order_items").$type<unknown[]>().notNull(),
    payer: jsonb("payer").$type<Record<string, unknown> | null>(),
    providerMethodParameters: jsonb("provider_method_parameters").$type<Record<string, unknown>>().notNull(),
    statusCallbackUrl: text("status_callback_url"),
    metadata: jsonb("metadata").$type<Record<string, unknown> | null>(),
    /** Masked card used on the PaymentIQ page (first six, last four): never the full number. */
    cardMasked: text("card_masked"),
    /** When a PENDING payment settles by itself (test card ...0119). */
    settleAt: at("settle_at"),
    /** How the status callback behaves for this payment: on_time, delayed, duplicated, never. */
    callbackBehaviour: text("callback_behaviour").notNull().default("on_time"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("ping_payments_order_idx").on(t.paymentOrderId)],
);

export type PingPaymentRow = typeof pingPayments.$inferSelect;
export type PingPaymentOrderRow = typeof pingPaymentOrders.$inferSelect;
