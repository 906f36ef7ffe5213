import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  uniqueIndex,
  pgSchema,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * The emulators' tables on PostgreSQL (lib/serve-mode.ts emulatorDatabaseUrl): the twin of
 * ./schema.ts and of each emulator's schema.ts, in a schema of their own (`emulators`), so they
 * can share the shop's database without meeting its tables. lib/emulators/schema-parity.test.ts
 * fails when a twin differs from its SQLite table.
 */
export const emulatorsSchema = pgSchema("emulators");
export const emulatorsTable = emulatorsSchema.table;

/** A time in milliseconds, as ./schema.ts keeps it (timestamp_ms). */
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/** Notifications waiting to be delivered, with their retry state. */
export const outbox = emulatorsTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
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
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    /**
     * The named signer (see ./outbox.ts NotificationSigner) that signs the body at each attempt,
     * after the API's answer, with the provider's key of that moment; null: sent as stored.
     */
    signer: text("signer"),
    /** A forced `bad_signature`: the signer's signature is spoiled at each attempt. */
    badSignature: boolean("bad_signature").notNull().default(false),
    /** Seconds to wait after each failed attempt; its length + 1 is the number of attempts. */
    retrySchedule: jsonb("retry_schedule").$type<number[]>().notNull(),
    /**
     * What counts as delivered: `any_2xx` (most providers), or the name of an emulator's own
     * acknowledgement rule (its descriptor's `acknowledgement`, see ./descriptor.ts).
     */
    ackRule: text("ack_rule").notNull().default("any_2xx"),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: ["pending", "delivered", "gave_up", "held"] })
      .notNull()
      .default("pending"),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    deliveredAt: at("delivered_at"),
    /**
     * An attempt under way holds the row until then (real time): the processes serving the
     * emulators from one database never send one attempt twice, and a holder that died lets go.
     */
    claimedUntil: at("claimed_until"),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

export const outboxAttempts = emulatorsTable("outbox_attempts", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
  outboxId: bigint("outbox_id", { mode: "number" })
    .notNull()
    .references(() => outbox.id),
  attemptedAt: at("attempted_at").notNull(),
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
export const controlOverrides = emulatorsTable(
  "control_forced_outcomes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
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
    charge: boolean("charge").notNull().default(false),
    /** Real seconds the answer is held after the payment is stored (a crash test kills the shop meanwhile). */
    holdSeconds: integer("hold_seconds"),
    /** Who set it: an operator's email, "control token", or "local, no sign-in" (with the client's product token). */
    setBy: text("set_by").notNull().default("unknown"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("control_forced_outcomes_scope").on(t.provider, t.scopeKind, t.scopeValue)],
);

/** QA control plane: the override a payment consumed, by provider and the provider's payment id. */
export const controlForcedPayments = emulatorsTable(
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
    createdAt: at("created_at").notNull().defaultNow(),
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
export const emulatorClock = emulatorsTable("emulator_clock", {
  /** Always 1 (SQLite gives its integer key a value by itself: the same shape). */
  id: integer("id").primaryKey().default(1),
  offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * QA control plane: a merchant's rotated signing secret (./signing-secrets.ts). The previous secret
 * stays valid until `previousValidUntil` (emulator time); `merchantSwitched` records that the merchant
 * signed a request with the new secret (from then on notifications are signed with it).
 */
export const signingSecretRotations = emulatorsTable("signing_secret_rotations", {
  provider: text("provider").primaryKey(),
  secret: text("secret").notNull(),
  previous: text("previous").notNull(),
  previousValidUntil: at("previous_valid_until").notNull(),
  merchantSwitched: boolean("merchant_switched").notNull().default(false),
  rotatedAt: at("rotated_at").notNull(),
});

export type SigningSecretRotationRow = typeof signingSecretRotations.$inferSelect;
