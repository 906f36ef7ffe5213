import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The emulators' own database (a separate file the shop never opens). */

/** A row's creation time in ms, set by SQLite (every emulator's tables use it). */
export const now = sql`(unixepoch('subsec') * 1000)`;

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
    /**
     * The notification's kind in the provider's own words (a `notifyType`, a risk `event`, ...):
     * what the QA console shows and `expectNotification` matches.
     */
    type: text("type"),
    targetUrl: text("target_url").notNull(),
    /** What was sent at the last attempt; before the first, what the signer will sign. */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    /**
     * The named signer (see ./outbox.ts NotificationSigner) that signs the body at each attempt,
     * after the API's answer, with the provider's key of that moment; null: sent as stored.
     */
    signer: text("signer"),
    /** A forced `bad_signature`: the signer's signature is spoiled at each attempt. */
    badSignature: integer("bad_signature", { mode: "boolean" }).notNull().default(false),
    /** Seconds to wait after each failed attempt; its length + 1 is the number of attempts. */
    retrySchedule: text("retry_schedule", { mode: "json" }).$type<number[]>().notNull(),
    /**
     * What counts as delivered: `any_2xx` (most providers), or the name of an emulator's own
     * acknowledgement rule (its descriptor's `acknowledgement`, see ./descriptor.ts).
     */
    ackRule: text("ack_rule").notNull().default("any_2xx"),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: ["pending", "delivered", "gave_up", "held"] })
      .notNull()
      .default("pending"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    /**
     * An attempt under way holds the row until then (real time): the processes serving the
     * emulators from one database never send one attempt twice, and a holder that died lets go.
     */
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
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

export type OutboxRow = typeof outbox.$inferSelect;

/** What a forced outcome applies to: any payment, or only a payment with this shopper email, reference prefix or test id. */
export const SCOPE_KINDS = ["any", "email", "reference_prefix", "test_id"] as const;

/**
 * QA control plane: the one-shot overrides testers set for a provider's next payment, one per
 * scope (`any` with an empty value: the unscoped one). The next payment the emulator creates
 * consumes the best match (./control.ts, takeNextPayment). A new table: the one-row-per-provider
 * `control_overrides` it replaces held only pending one-shot settings, which an upgrade drops.
 */
export const controlOverrides = sqliteTable(
  "control_forced_outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    scopeKind: text("scope_kind", { enum: SCOPE_KINDS }).notNull().default("any"),
    /** The email (lower case), reference prefix or test id; empty for `any`. */
    scopeValue: text("scope_value").notNull().default(""),
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
    /** Who set it: an operator's email, "control token", or "local, no sign-in" (with the client's product token). */
    setBy: text("set_by").notNull().default("unknown"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("control_forced_outcomes_scope").on(t.provider, t.scopeKind, t.scopeValue)],
);

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
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export type ControlForcedPaymentRow = typeof controlForcedPayments.$inferSelect;

/**
 * The emulators' one clock (./clock.ts): how far emulator time runs ahead of the wall clock. One
 * row (id 1), kept here so every process serving the emulators reads the same time; reset empties it.
 */
export const emulatorClock = sqliteTable("emulator_clock", {
  id: integer("id").primaryKey(),
  offsetMs: integer("offset_ms").notNull().default(0),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/**
 * QA control plane: a merchant's rotated signing secret (./signing-secrets.ts). The previous secret
 * stays valid until `previousValidUntil` (emulator time); `merchantSwitched` records that the merchant
 * signed a request with the new secret (from then on notifications are signed with it).
 */
export const signingSecretRotations = sqliteTable("signing_secret_rotations", {
  provider: text("provider").primaryKey(),
  secret: text("secret").notNull(),
  previous: text("previous").notNull(),
  previousValidUntil: integer("previous_valid_until", { mode: "timestamp_ms" }).notNull(),
  merchantSwitched: integer("merchant_switched", { mode: "boolean" }).notNull().default(false),
  rotatedAt: integer("rotated_at", { mode: "timestamp_ms" }).notNull(),
});

export type SigningSecretRotationRow = typeof signingSecretRotations.$inferSelect;
