import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * The merchant database on PostgreSQL (DATABASE_URL=postgres://…): the twin of ./schema.ts, with
 * the same tables, columns (same names, same values as TypeScript sees them), keys and indexes.
 * lib/db/schema-parity.test.ts fails when the two differ. Amounts are integer minor units
 * (bigint, read as numbers); times are timestamps with time zone, in milliseconds.
 */

/** A time in milliseconds, as ./schema.ts keeps it (timestamp_ms). */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });
const createdAt = () => at("created_at").notNull().defaultNow();
const updatedAt = () => at("updated_at").notNull().defaultNow();
/** An amount in minor units. */
const amount = (name: string) => bigint(name, { mode: "number" });

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["shopper", "operator"] })
    .notNull()
    .default("shopper"),
  createdAt: createdAt(),
});

export const products = pgTable("products", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  category: text("category").notNull(),
  image: text("image").notNull(),
  /** Manual: made to order, the card is charged (captured) when the order ships. */
  captureMode: text("capture_mode", { enum: ["automatic", "manual"] })
    .notNull()
    .default("automatic"),
  createdAt: createdAt(),
});

/** One stored price per product and currency: prices are never converted with floats. */
export const productPrices = pgTable(
  "product_prices",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    currency: text("currency").notNull(),
    amount: amount("amount").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.currency] })],
);

/**
 * A product's words in another language than the catalogue's own (English): shown to shoppers who
 * read that language; an order keeps the catalogue's words (lib/orders.ts), so the console reads one language.
 */
export const productTranslations = pgTable(
  "product_translations",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    category: text("category").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.locale] })],
);

export const ORDER_STATUSES = ["pending", "paid", "failed", "canceled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id),
    /** Token of the checkout form that placed it: a double submit finds the same order. */
    checkoutToken: text("checkout_token").notNull().unique(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    addressLine: text("address_line").notNull(),
    city: text("city").notNull(),
    postalCode: text("postal_code").notNull(),
    country: text("country").notNull(),
    currency: text("currency").notNull(),
    totalAmount: amount("total_amount").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("pending"),
    /**
     * The order's latest payment attempt. Starting one is a compare-and-set on this column, in
     * the transaction that checks no attempt of the order is still live: one live attempt per order.
     */
    currentPaymentId: text("current_payment_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("orders_user_idx").on(t.userId), index("orders_created_idx").on(t.createdAt)],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    name: text("name").notNull(),
    unitAmount: amount("unit_amount").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId)],
);

export const PAYMENT_STATUSES = [
  "created",
  "requires_action",
  "processing",
  "authorized",
  "succeeded",
  "partially_refunded",
  "refunded",
  "canceled",
  "failed",
  "expired",
  /** Closed by the shop when the shopper chose another way to pay (see lib/payments/state.ts). */
  "superseded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable(
  "payments",
  {
    /** Our id, also the merchant reference sent to the provider. */
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    provider: text("provider").notNull(),
    method: text("method").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("created"),
    /** Key of the pay form that started it: a double submit finds the same payment. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    amount: amount("amount").notNull(),
    currency: text("currency").notNull(),
    captureMode: text("capture_mode", { enum: ["automatic", "manual"] })
      .notNull()
      .default("automatic"),
    capturedAmount: amount("captured_amount").notNull().default(0),
    refundedAmount: amount("refunded_amount").notNull().default(0),
    providerPaymentId: text("provider_payment_id"),
    /** The provider's own references beside its payment id (e.g. Ping's payment_order_id), as JSON. Never the shop's flags. */
    providerData: jsonb("provider_data").$type<Record<string, string>>(),
    /** The signed-in shopper asked the provider to keep the card for later payments (card on file). */
    saveCard: boolean("save_card").notNull().default(false),
    /** Charged by an operator without the shopper present, with a saved card. */
    merchantInitiated: boolean("merchant_initiated").notNull().default(false),
    /** The provider's answer to the start was lost: the payment waits for an inquiry, asked sooner. */
    startAnswerUnknown: boolean("start_answer_unknown").notNull().default(false),
    nextActionType: text("next_action_type", { enum: ["none", "redirect", "qr"] })
      .notNull()
      .default("none"),
    nextActionUrl: text("next_action_url"),
    nextActionQr: text("next_action_qr"),
    nextActionExpiresAt: at("next_action_expires_at"),
    /** What the provider's browser script takes to lead a redirect itself, as it came (NextAction's sdkTrigger). */
    nextActionSdkTrigger: jsonb("next_action_sdk_trigger").$type<unknown>(),
    cardBrand: text("card_brand"),
    cardFirst6: text("card_first6"),
    cardLast4: text("card_last4"),
    /** MM/YY of a card the shopper typed to be saved, where the provider does not report it. */
    cardExpiry: text("card_expiry"),
    avsResult: text("avs_result"),
    cvvResult: text("cvv_result"),
    threeDsResult: text("three_ds_result"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payments_order_idx").on(t.orderId),
    index("payments_status_idx").on(t.status),
    // The console's newest-first keyset pages, alone or filtered by provider and status.
    index("payments_created_idx").on(t.createdAt, t.id),
    index("payments_provider_status_created_idx").on(t.provider, t.status, t.createdAt),
    uniqueIndex("payments_provider_ref_idx").on(t.provider, t.providerPaymentId),
  ],
);

export const PAYMENT_EVENT_TYPES = [
  "api_call",
  "notification",
  "status_change",
  "operator_action",
  "error",
  /** A provider reported another amount or currency than the payment's: nothing changed, the operator must look. */
  "integrity_failure",
  /**
   * The order was already paid by another attempt when this one took money too (a superseded QR
   * code scanned a second late): the extra is returned through the provider. On both payments' timelines.
   */
  "extra_charge",
] as const;

/** Append-only, redacted log of everything that happened to a payment. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    paymentId: text("payment_id").references(() => payments.id),
    provider: text("provider").notNull(),
    type: text("type", { enum: PAYMENT_EVENT_TYPES }).notNull(),
    /** Unique per distinct notification; a redelivery finds it taken and changes nothing. */
    dedupeKey: text("dedupe_key").unique(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    summary: text("summary").notNull(),
    detail: jsonb("detail").$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId)],
);

export const storedCredentials = pgTable(
  "stored_credentials",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    provider: text("provider").notNull(),
    kind: text("kind", { enum: ["card", "wallet"] }).notNull(),
    token: text("token").notNull(),
    brand: text("brand"),
    last4: text("last4"),
    expiry: text("expiry"),
    merchantUserId: text("merchant_user_id"),
    /** Wallet bindings start pending (until the signing notification) and may be declined. */
    status: text("status", { enum: ["pending", "active", "revoked", "declined"] })
      .notNull()
      .default("active"),
    createdAt: createdAt(),
  },
  (t) => [
    index("stored_credentials_user_idx").on(t.userId),
    uniqueIndex("stored_credentials_token_idx").on(t.provider, t.token),
    // One active link per wallet (shopper, provider, wallet type), whatever races: checkout lists each wallet once.
    uniqueIndex("stored_credentials_active_wallet_idx")
      .on(t.userId, t.provider, t.brand)
      .where(sql`kind = 'wallet' AND status = 'active'`),
  ],
);

/**
 * Signed-out sessions: the JWT in a cookie stays readable until it expires, so sign-out records
 * its session id here and the Auth.js jwt callback refuses it. A row may go once every copy of
 * the token has expired (`expires_at`: the session's longest life from sign-out).
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    expiresAt: at("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * What several shop instances must count together, by key: a pay-attempt window's hit times
 * (lib/rate-limit.ts) or a sign-in throttle's failures (lib/sign-in-throttle.ts). Read and
 * written in one write transaction, the row locked (lib/db/queries/shared-state.ts).
 */
export const limitCounters = pgTable(
  "limit_counters",
  {
    key: text("key").primaryKey(),
    state: jsonb("state").$type<unknown>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index("limit_counters_updated_idx").on(t.updatedAt)],
);

/**
 * Notifications the shop did not store, counted per kind and provider for the console (refused
 * ones, and redeliveries that changed nothing: lib/payments/rejections.ts).
 */
export const notificationCounts = pgTable(
  "notification_counts",
  {
    kind: text("kind", { enum: ["refused", "unchanged"] }).notNull(),
    provider: text("provider").notNull(),
    count: integer("count").notNull().default(0),
    lastAt: at("last_at").notNull(),
    lastStatus: integer("last_status").notNull(),
    lastReason: text("last_reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.provider] })],
);

/**
 * Background work one instance at a time does (a payment's inquiry, a second charge's return):
 * a lease is taken by a compare-and-set on `until` and lapses by itself if its holder dies.
 */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  until: at("until").notNull(),
});

export type User = typeof users.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderItem = typeof orderItems.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type NewPaymentEvent = typeof paymentEvents.$inferInsert;
export type StoredCredential = typeof storedCredentials.$inferSelect;
