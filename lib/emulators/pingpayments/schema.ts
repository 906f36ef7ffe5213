import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { now } from "../schema";

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

export type PingPaymentRow = typeof pingPayments.$inferSelect;
export type PingPaymentOrderRow = typeof pingPaymentOrders.$inferSelect;
