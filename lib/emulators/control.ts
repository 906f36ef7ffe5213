import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { changedRows, emulatorDb, emulatorTransaction, lockRows, preparedStatements } from "./db";
import { enqueueNotification, requeueNotification, type Notification } from "./outbox";
import type { ControlForcedPaymentRow, ControlOverrideRow, OutboxRow, ScopeKind } from "./schema";
import { controlForcedPayments, controlOverrides, outbox, outboxAttempts } from "./tables";
import type { CardOutcome } from "./test-cards";

/**
 * The QA control plane of the emulators: read a payment's notifications and their attempts,
 * replay one, and force the outcome and notification behaviour of a provider's next payment.
 * Every control route is refused when the shop's base URL for the provider points elsewhere
 * (./control-guard.ts), and passes the access gate of ./control-access.ts first (no other site, JSON only, operator in public mode).
 */

/** A provider id (see ./index.ts): every function here takes it as it is and names none. */
export type ControlProvider = string;

// ---------------------------------------------------------------------------------------------
// Notifications

export async function notificationView(row: OutboxRow) {
  const deliveries = await (
    await emulatorDb()
  )
    .select()
    .from(outboxAttempts)
    .where(eq(outboxAttempts.outboxId, row.id))
    .orderBy(outboxAttempts.id);
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    reference: row.reference,
    targetUrl: row.targetUrl,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastHttpStatus: row.lastHttpStatus,
    lastError: row.lastError,
    headers: row.headers,
    body: row.body,
    deliveries: deliveries.map((attempt) => ({
      attemptedAt: attempt.attemptedAt.toISOString(),
      httpStatus: attempt.httpStatus,
      error: attempt.error,
      durationMs: attempt.durationMs,
    })),
  };
}

/** Which notifications a listing asks for: about a reference, of a type, or both (at least one). */
export interface NotificationFilter {
  /** The provider's own payment id, or the merchant's reference. */
  reference?: string;
  /** The notification's kind, as the view's `type` shows it (e.g. PAYMENT_RESULT). */
  type?: string;
}

/** A provider's notifications matching the filter, newest first (the latest 200). */
export async function listNotifications(provider: ControlProvider, { reference, type }: NotificationFilter) {
  const rows = await (
    await emulatorDb()
  )
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.provider, provider),
        reference === undefined ? undefined : or(eq(outbox.subject, reference), eq(outbox.reference, reference)),
        type === undefined ? undefined : eq(outbox.type, type),
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(200);
  return Promise.all(rows.map(notificationView));
}

/** Enqueues the very same notification again (same target, headers and body). */
export async function replayNotification(provider: ControlProvider, id: number): Promise<OutboxRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.provider, provider)))
    .limit(1);
  return row ? requeueNotification(row) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Forced outcome of the next payment

export const NOTIFICATION_MODES = [
  "on_time",
  "delayed",
  "duplicated",
  "out_of_order",
  "dropped",
  "bad_signature",
] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
/** Answers a client cannot read: no answer in time, a 5xx, a proxy's HTML error page, cut-off JSON. */
export const FAULTS = ["timeout", "http_500", "html", "malformed_json"] as const;
export type FaultKind = (typeof FAULTS)[number];
export const FORCED_OUTCOMES = ["approve", "decline", "challenge", ...FAULTS] as const;

/** A forced timeout holds the create-payment answer this long (real seconds: clients time out on wall time). */
export const TIMEOUT_HOLD_SECONDS = 30;
export const DECLINE_REASONS = ["generic", "insufficient_funds", "expired_card"] as const;

export function isFault(outcome: string | null | undefined): outcome is FaultKind {
  return (FAULTS as readonly string[]).includes(outcome ?? "");
}

// ---------------------------------------------------------------------------------------------
// Scopes: whose payment a forced outcome is for

/**
 * The request header a QA team's backend adds to its API calls to an emulator so that only the
 * outcomes forced for that test id come first for those calls [guess: our own convention, no
 * provider documents it].
 */
export const TEST_ID_HEADER = "X-Emulator-Test-Id";
const SCOPE_TEXT = /^[\x21-\x7e]+$/;

/** A forced outcome's scope in the API: exactly one of a shopper email, a merchant reference prefix, a test id. */
export const scopeBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
    referencePrefix: z.string().min(1).max(128).regex(SCOPE_TEXT, "printable ASCII, no spaces").optional(),
    testId: z.string().min(1).max(128).regex(SCOPE_TEXT, "printable ASCII, no spaces").optional(),
  })
  .strict()
  .refine((scope) => Object.values(scope).filter((value) => value !== undefined).length === 1, {
    message: "give exactly one of email, referencePrefix, testId",
  });
export type ScopeBody = z.infer<typeof scopeBody>;

/** A scope as stored: `any` (value "") is the unscoped forced outcome. */
export interface Scope {
  kind: ScopeKind;
  value: string;
}
export const ANY_PAYMENT: Scope = { kind: "any", value: "" };

export function scopeOf(body: ScopeBody | undefined): Scope {
  if (body?.testId !== undefined) return { kind: "test_id", value: body.testId };
  if (body?.email !== undefined) return { kind: "email", value: body.email };
  if (body?.referencePrefix !== undefined) return { kind: "reference_prefix", value: body.referencePrefix };
  return ANY_PAYMENT;
}

/** The scope in the API's shape; null for the unscoped one. */
export function scopeView(scope: Scope): ScopeBody | null {
  switch (scope.kind) {
    case "test_id":
      return { testId: scope.value };
    case "email":
      return { email: scope.value };
    case "reference_prefix":
      return { referencePrefix: scope.value };
    default:
      return null;
  }
}

/**
 * The scope a DELETE names in its query: none (every forced outcome of the provider),
 * `?scope=any` (the unscoped one), or one of `?email=`, `?referencePrefix=`, `?testId=`.
 */
export function scopeOfQuery(
  params: URLSearchParams,
): { ok: true; scope: Scope | undefined } | { ok: false; issues: string[] } {
  const keys = [...params.keys()];
  if (keys.length === 0) return { ok: true, scope: undefined };
  if (keys.length === 1 && keys[0] === "scope") {
    return params.get("scope") === "any"
      ? { ok: true, scope: ANY_PAYMENT }
      : {
          ok: false,
          issues: ['scope: only "any" (the unscoped forced outcome); name a scope by email, referencePrefix or testId'],
        };
  }
  const parsed = scopeBody.safeParse(Object.fromEntries(params));
  if (!parsed.success || keys.length !== new Set(keys).size)
    return {
      ok: false,
      issues: parsed.success
        ? ["give each query parameter once"]
        : parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`),
    };
  return { ok: true, scope: scopeOf(parsed.data) };
}

/** What a payment being created tells the matcher about itself (each when the provider's request carries it). */
export interface PaymentFacts {
  /** The merchant's reference of the payment (its request or transaction id). */
  reference?: string | null;
  /** The shopper's email, where the provider's request has a field for it. */
  email?: string | null;
  /** The `X-Emulator-Test-Id` header of the request. */
  testId?: string | null;
}

/** The payment facts a request carries in its test id header (the rest comes from the provider's body). */
export function testIdOf(request: Request): string | null {
  return request.headers.get(TEST_ID_HEADER)?.trim() || null;
}

/**
 * How well a forced outcome's scope fits a payment: undefined when it does not apply. Precedence:
 * test id, then shopper email, then the longest matching reference prefix, then the unscoped one.
 */
function matchRank(scope: Scope, facts: PaymentFacts): number | undefined {
  switch (scope.kind) {
    case "test_id":
      return facts.testId === scope.value ? 3_000 : undefined;
    case "email":
      return facts.email?.trim().toLowerCase() === scope.value ? 2_000 : undefined;
    case "reference_prefix":
      return facts.reference?.startsWith(scope.value) ? 1_000 + scope.value.length : undefined;
    default:
      return 0;
  }
}

/** The forced outcome a payment takes among `rows` (the oldest on a tie): see matchRank. */
export function bestMatch<Row extends { scopeKind: ScopeKind; scopeValue: string }>(
  rows: readonly Row[],
  facts: PaymentFacts,
): Row | undefined {
  let best: { row: Row; rank: number } | undefined;
  for (const row of rows) {
    const rank = matchRank({ kind: row.scopeKind, value: row.scopeValue }, facts);
    if (rank !== undefined && (!best || rank > best.rank)) best = { row, rank };
  }
  return best?.row;
}

export const overrideBody = z
  .object({
    /** Whose payment it is for (absent: any payment, when no scoped one matches). */
    scope: scopeBody.optional(),
    outcome: z.enum(FORCED_OUTCOMES).optional(),
    declineReason: z.enum(DECLINE_REASONS).optional(),
    /** With a fault outcome: store and approve the payment first (the provider charged), then answer badly. */
    charge: z.boolean().optional(),
    /** Hold the answer this many real seconds after the payment is stored (with a fault: before the fault). */
    holdSeconds: z.number().int().nonnegative().max(600).optional(),
    notification: z
      .object({
        mode: z.enum(NOTIFICATION_MODES),
        seconds: z.number().nonnegative().max(86_400).optional(),
        count: z.number().int().min(1).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type OverrideBody = z.infer<typeof overrideBody>;

/** Combinations the schema alone cannot refuse; answers the issues (empty when fine). */
export function overrideIssues(body: OverrideBody): string[] {
  const issues: string[] = [];
  if (body.declineReason && body.outcome !== "decline") issues.push("declineReason: only with outcome decline");
  if (body.charge && !isFault(body.outcome)) issues.push(`charge: only with a fault outcome (${FAULTS.join(", ")})`);
  if (
    body.holdSeconds !== undefined &&
    body.outcome !== "approve" &&
    !(isFault(body.outcome) && (body.charge || body.outcome === "timeout"))
  ) {
    issues.push("holdSeconds: only with outcome approve, timeout, or a fault with charge");
  }
  return issues;
}

/** The override in the API's shape. */
export function overrideView(
  row: Pick<
    ControlOverrideRow,
    | "outcome"
    | "declineReason"
    | "notificationMode"
    | "notificationSeconds"
    | "notificationCount"
    | "charge"
    | "holdSeconds"
  >,
): OverrideBody {
  const view: OverrideBody = {};
  if (row.outcome) view.outcome = row.outcome;
  if (row.declineReason) view.declineReason = row.declineReason;
  if (row.charge) view.charge = true;
  if (row.holdSeconds !== null) view.holdSeconds = row.holdSeconds;
  if (row.notificationMode) {
    view.notification = { mode: row.notificationMode };
    if (row.notificationSeconds !== null) view.notification.seconds = row.notificationSeconds;
    if (row.notificationCount !== null) view.notification.count = row.notificationCount;
  }
  return view;
}

/** A forced outcome as the control plane lists it: its scope, the override, who set it and when. */
export function forcedOutcomeView(row: ControlOverrideRow) {
  return {
    scope: scopeView({ kind: row.scopeKind, value: row.scopeValue }),
    override: overrideView(row),
    setBy: row.setBy,
    setAt: row.createdAt.toISOString(),
  };
}
export type ForcedOutcomeView = ReturnType<typeof forcedOutcomeView>;

/** Sets the provider's forced outcome for the body's scope (replacing the one of that same scope). */
export async function setOverride(
  provider: ControlProvider,
  body: OverrideBody,
  setBy = "unknown",
): Promise<ControlOverrideRow> {
  const scope = scopeOf(body.scope);
  const values = {
    provider,
    scopeKind: scope.kind,
    scopeValue: scope.value,
    outcome: body.outcome ?? null,
    declineReason: body.declineReason ?? (body.outcome === "decline" ? "generic" : null),
    notificationMode: body.notification?.mode ?? null,
    notificationSeconds: body.notification?.seconds ?? null,
    notificationCount: body.notification?.count ?? null,
    charge: body.charge ?? false,
    holdSeconds: body.holdSeconds ?? null,
    setBy,
    createdAt: new Date(),
  };
  const [row] = await (
    await emulatorDb()
  )
    .insert(controlOverrides)
    .values(values)
    .onConflictDoUpdate({
      target: [controlOverrides.provider, controlOverrides.scopeKind, controlOverrides.scopeValue],
      set: values,
    })
    .returning();
  return row;
}

/** The provider's forced outcome of one scope (the unscoped one by default). */
export async function getOverride(
  provider: ControlProvider,
  scope: Scope = ANY_PAYMENT,
): Promise<ControlOverrideRow | undefined> {
  const [row] = await (await emulatorDb()).select().from(controlOverrides).where(ofScope(provider, scope)).limit(1);
  return row;
}

/** Every forced outcome of the provider still waiting for its payment, in the order they were (last) set. */
export async function listOverrides(provider: ControlProvider): Promise<ControlOverrideRow[]> {
  return (await emulatorDb())
    .select()
    .from(controlOverrides)
    .where(eq(controlOverrides.provider, provider))
    .orderBy(asc(controlOverrides.createdAt), asc(controlOverrides.id));
}

/** Clears the provider's forced outcome of one scope, or all of them (no scope). */
export async function clearOverride(provider: ControlProvider, scope?: Scope): Promise<boolean> {
  const where = scope ? ofScope(provider, scope) : eq(controlOverrides.provider, provider);
  return changedRows(await (await emulatorDb()).delete(controlOverrides).where(where)) > 0;
}

function ofScope(provider: ControlProvider, scope: Scope) {
  return and(
    eq(controlOverrides.provider, provider),
    eq(controlOverrides.scopeKind, scope.kind),
    eq(controlOverrides.scopeValue, scope.value),
  );
}

/**
 * Takes (deletes and answers) the forced outcome that fits the payment best (bestMatch), in one
 * transaction that locks the provider's rows: two payments created at once, even by two processes
 * on the same database, never take the same one.
 */
export async function takeOverride(
  provider: ControlProvider,
  facts: PaymentFacts,
): Promise<ControlOverrideRow | undefined> {
  // None waiting (most payments): no write transaction. One set meanwhile is the next payment's.
  if ((await (await controlQueries()).anyOverride.execute({ provider })).length === 0) return undefined;
  return emulatorTransaction(async (tx) => {
    const best = bestMatch(
      await lockRows(tx.select().from(controlOverrides).where(eq(controlOverrides.provider, provider))),
      facts,
    );
    if (!best) return undefined;
    const [taken] = await tx.delete(controlOverrides).where(eq(controlOverrides.id, best.id)).returning();
    return taken;
  });
}

/** A bad answer and how long it is held first (real seconds). */
export interface Fault {
  kind: FaultKind;
  holdSeconds: number;
}

/**
 * What a payment being created takes from the control plane. `before`: answer the fault at once
 * and store nothing. Otherwise the payment is stored (approved whatever the card says when
 * `charged`), and `after` says how its answer is held and spoiled.
 */
export interface NextPayment {
  before?: Fault;
  override?: ControlOverrideRow;
  charged: boolean;
  after?: { fault?: FaultKind; holdSeconds: number };
}

/**
 * Consumes the provider's forced outcome that fits the payment being created now (call it once
 * the request is valid, just before the payment is stored), with what the request says of it.
 */
export async function takeNextPayment(provider: ControlProvider, facts: PaymentFacts = {}): Promise<NextPayment> {
  const taken = await takeOverride(provider, facts);
  if (!taken) return { charged: false };
  const fault = isFault(taken.outcome) ? taken.outcome : undefined;
  // A timeout's answer comes too late for the client (then a 504). Before `holdSeconds` existed the
  // hold was given as notification.seconds; a timeout before the charge still reads it.
  const timeoutHold = taken.holdSeconds ?? (taken.charge ? null : taken.notificationSeconds) ?? TIMEOUT_HOLD_SECONDS;
  if (fault && !taken.charge)
    return {
      charged: false,
      override: taken,
      before: { kind: fault, holdSeconds: fault === "timeout" ? timeoutHold : 0 },
    };
  if (fault)
    return {
      charged: true,
      override: taken,
      after: { fault, holdSeconds: fault === "timeout" ? timeoutHold : (taken.holdSeconds ?? 0) },
    };
  return { charged: false, override: taken, after: taken.holdSeconds ? { holdSeconds: taken.holdSeconds } : undefined };
}

const hold = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The bad answer itself, after its hold. */
export async function faultResponse(provider: ControlProvider, fault: Fault): Promise<Response> {
  if (fault.holdSeconds > 0) await hold(fault.holdSeconds);
  switch (fault.kind) {
    case "timeout":
      return Response.json({ error: `timeout forced by the ${provider} emulator's control plane` }, { status: 504 });
    case "http_500":
      return Response.json(
        { error: `internal error forced by the ${provider} emulator's control plane` },
        { status: 500 },
      );
    case "html":
      // What a reverse proxy in front of the provider answers when its upstream fails.
      return new Response(
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        {
          status: 502,
          headers: { "content-type": "text/html" },
        },
      );
    case "malformed_json":
      // A 200 whose JSON is cut off mid-way (a connection dropped by a proxy, a truncated buffer).
      return new Response('{"code":"000000","result":{"resultStatus":"S","resultCode":"SUCC', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
  }
}

/**
 * The answer of a payment the emulator has stored: as it is, or held and then spoiled as the
 * override said (the payment and its notification exist whatever the client hears).
 */
export async function answerStored(
  provider: ControlProvider,
  taken: NextPayment,
  answer: Response | Promise<Response>,
): Promise<Response> {
  const response = await answer;
  const after = taken.after;
  if (!after) return response;
  if (after.fault) return faultResponse(provider, { kind: after.fault, holdSeconds: after.holdSeconds });
  if (after.holdSeconds > 0) await hold(after.holdSeconds);
  return response;
}

/** The card outcome an override forces, if any (a fault after the charge approves). */
export function forcedOutcomeOf(
  row:
    (Pick<ControlOverrideRow, "outcome" | "declineReason"> & Partial<Pick<ControlOverrideRow, "charge">>) | undefined,
): CardOutcome | undefined {
  if (!row?.outcome) return undefined;
  if (isFault(row.outcome)) return row.charge ? { kind: "approve" } : undefined;
  if (row.outcome === "decline") return { kind: "decline", reason: row.declineReason ?? "generic" };
  return { kind: row.outcome };
}

/** Remembers the override a payment took (by the provider's payment id), for its card page and notifications. */
export async function recordForcedPayment(
  provider: ControlProvider,
  subject: string,
  taken: NextPayment | undefined,
): Promise<void> {
  const row = taken && !taken.before ? taken.override : undefined;
  if (!row) return;
  await (
    await emulatorDb()
  )
    .insert(controlForcedPayments)
    .values({
      provider,
      subject,
      // A fault after the charge approved the payment: its hosted page (if any) approves it too.
      outcome: isFault(row.outcome) ? (row.charge ? "approve" : null) : row.outcome,
      declineReason: row.declineReason,
      notificationMode: row.notificationMode,
      notificationSeconds: row.notificationSeconds,
      notificationCount: row.notificationCount,
    })
    .onConflictDoNothing();
}

/** Read for every notification an emulator enqueues: prepared once per database (drizzle builds its SQL on each call otherwise). */
const controlQueries = preparedStatements((database) => ({
  forcedPayment: database
    .select()
    .from(controlForcedPayments)
    .where(
      and(
        eq(controlForcedPayments.provider, sql.placeholder("provider")),
        eq(controlForcedPayments.subject, sql.placeholder("subject")),
      ),
    )
    .prepare("emulator_forced_payment"),
  // Whether the provider has any forced outcome waiting: most payments find none (takeOverride).
  anyOverride: database
    .select({ id: controlOverrides.id })
    .from(controlOverrides)
    .where(eq(controlOverrides.provider, sql.placeholder("provider")))
    .limit(1)
    .prepare("emulator_any_forced_outcome"),
}));

/** The override a payment took (by the provider's payment id), if any. */
export async function forcedPayment(
  provider: ControlProvider,
  subject: string,
): Promise<ControlForcedPaymentRow | undefined> {
  const [row] = (await (
    await controlQueries()
  ).forcedPayment.execute({ provider, subject })) as ControlForcedPaymentRow[];
  return row;
}

/** The outcome forced on a payment created earlier (card entered later on a hosted page). */
export async function forcedOutcomeFor(provider: ControlProvider, subject: string): Promise<CardOutcome | undefined> {
  return forcedOutcomeOf(await forcedPayment(provider, subject));
}

/** How much later than the final notification the stale out-of-order copy is sent (scaled seconds). */
export const OUT_OF_ORDER_GAP_SECONDS = 30;
export const DEFAULT_DUPLICATES = 2;

export interface ScriptOptions {
  /** The behaviour scripted by name (on_time, delayed, duplicated, never). */
  behaviour: string;
  /** The provider's "late" delay in seconds. */
  lateSeconds: number;
  /** A stale earlier-status notification of the same payment, sent after the final one (out_of_order). */
  stale?: () => Notification | undefined | Promise<Notification | undefined>;
}

/**
 * Enqueues a payment's notification as scripted: by the override the payment took through the
 * control plane (it wins), or else by the cardholder's name (late, twice, silent). Answers the
 * first row enqueued, if any.
 */
export async function enqueueScripted(
  notification: Notification,
  options: ScriptOptions,
): Promise<OutboxRow | undefined> {
  const forced = await forcedPayment(notification.provider, notification.subject);
  const mode: NotificationMode =
    forced?.notificationMode ?? (options.behaviour === "never" ? "dropped" : (options.behaviour as NotificationMode));
  switch (mode) {
    case "dropped":
      return undefined;
    case "delayed":
      return enqueueNotification({ ...notification, delaySeconds: forced?.notificationSeconds ?? options.lateSeconds });
    case "duplicated": {
      const count = forced?.notificationCount ?? DEFAULT_DUPLICATES;
      const first = await enqueueNotification(notification);
      for (let i = 1; i < count; i++) await enqueueNotification(notification);
      return first;
    }
    case "bad_signature":
      // Spoiled by its signer at each attempt (a provider that signs nothing sends it as it is).
      return enqueueNotification({ ...notification, badSignature: notification.signer !== undefined });
    case "out_of_order": {
      // With a count, the final notification is also duplicated ("duplicated N times, out of order").
      const first = await enqueueNotification(notification);
      for (let i = 1; i < (forced?.notificationCount ?? 1); i++) await enqueueNotification(notification);
      const stale = await options.stale?.();
      if (stale)
        await enqueueNotification({
          ...stale,
          delaySeconds: (notification.delaySeconds ?? 0) + (forced?.notificationSeconds ?? OUT_OF_ORDER_GAP_SECONDS),
        });
      return first;
    }
    default:
      return enqueueNotification(notification);
  }
}

/** Flips the last character of a signature (base64 or hex alike) so that it no longer verifies. */
export function corruptSignature(signature: string): string {
  if (!signature) return "corrupted";
  const last = signature.at(-1)!;
  const swap = last === "A" ? "B" : last === "0" ? "1" : /[0-9]/.test(last) ? "0" : "A";
  return `${signature.slice(0, -1)}${swap}`;
}
