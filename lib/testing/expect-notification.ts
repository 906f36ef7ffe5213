// `expectNotification`: waits until an emulator has delivered a notification and the shop
// acknowledged it. One implementation for vitest (import it) and Playwright (the fixture in
// e2e/support/test.ts), over the emulators' control plane's HTTP API only (never their database),
// so it works as well against a standalone emulator at another address.
// @ts-expect-error plain ES module shared with the parity runner
import { isParityRun } from "./parity.mjs";
import { REACHES_INTO_THE_EMULATOR } from "./parity-guard";
import type { ListedNotification } from "./control-fixtures";
import { serverUrl } from "./server-url";

/** A notification as the control plane lists it (GET /emulators/control/<provider>/notifications), with its attempts. */
export type DeliveredNotification = ListedNotification;

export interface ExpectNotificationOptions {
  /** The emulator's id (pingpong, antom, pingpayments, lesspay, ...). */
  provider: string;
  /** The notification's kind, as the control plane's `type` shows it (PAYMENT_RESULT, PAYMENT, status_callback, ...). */
  type: string;
  /** The merchant's reference or the provider's payment id; without it any notification of the type may match. */
  reference?: string;
  /**
   * Narrows the match: fields the JSON body must hold (nested objects in part, e.g.
   * `{ result: { resultStatus: "S" } }` or `{ bizContent: { status: "SUCCESS" } }`), or a predicate
   * on the listed notification.
   */
  match?: Record<string, unknown> | ((notification: DeliveredNotification) => boolean);
  /** How long to wait for the delivery and its acknowledgement (default 10 s). */
  timeoutMs?: number;
  /** Where the emulators answer (default: the test server, TEST_SERVER_URL). */
  baseUrl?: string;
  /** The control token, when the control plane needs one (public mode): default EMULATOR_CONTROL_TOKEN. */
  token?: string;
}

const POLL_MS = 100;

/** The notification's JSON body, or undefined when it is not JSON. */
export function notificationJson(notification: Pick<DeliveredNotification, "body">): unknown {
  try {
    return JSON.parse(notification.body);
  } catch {
    return undefined;
  }
}

/**
 * Whether `actual` holds `pattern`: an object pattern's fields (recursively, other fields
 * ignored; a JSON-encoded string such as PingPong's bizContent is read as its object), anything
 * else equal.
 */
function contains(actual: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== "object" || Array.isArray(pattern))
    return JSON.stringify(actual) === JSON.stringify(pattern);
  const object = typeof actual === "string" ? notificationJson({ body: actual }) : actual;
  if (!object || typeof object !== "object") return false;
  return Object.entries(pattern).every(([key, value]) => contains((object as Record<string, unknown>)[key], value));
}

/** Whether the notification satisfies `match` (none: every notification does). */
export function matches(notification: DeliveredNotification, match: ExpectNotificationOptions["match"]): boolean {
  if (!match) return true;
  if (typeof match === "function") return match(notification);
  return contains(notification.body, match);
}

/** One line per notification seen, for the failure message (never its headers: they carry signatures). */
function describe(notification: DeliveredNotification): string {
  const answers = notification.deliveries.map((d) => d.httpStatus ?? d.error).join(", ") || "none yet";
  return `#${notification.id} ${notification.type ?? "(no type)"} about ${notification.reference ?? notification.subject}: ${notification.status} after ${notification.attempts} attempt(s) (answers: ${answers})`;
}

async function listNotifications(options: ExpectNotificationOptions): Promise<DeliveredNotification[]> {
  const query = new URLSearchParams({ type: options.type });
  if (options.reference) query.set("reference", options.reference);
  const base = (options.baseUrl ?? serverUrl()).replace(/\/$/, "");
  const url = `${base}/emulators/control/${encodeURIComponent(options.provider)}/notifications?${query}`;
  const token = options.token ?? process.env.EMULATOR_CONTROL_TOKEN;
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(5_000),
  });
  const json = (await response.json().catch(() => ({}))) as { notifications?: DeliveredNotification[]; error?: string };
  if (!response.ok || !json.notifications)
    throw new Error(`expectNotification: the control plane answered ${response.status} at ${url}: ${json.error ?? ""}`);
  return json.notifications;
}

/**
 * Waits until the emulator has a notification of `type` (about `reference`, satisfying `match`)
 * that it delivered and the shop acknowledged, and answers it with its delivery attempts (status
 * codes, times). Fails after `timeoutMs` with what was seen: none, or each candidate's status and
 * answers (e.g. "pending after 3 attempt(s) (answers: 500, 500, 500)").
 */
export async function expectNotification(options: ExpectNotificationOptions): Promise<DeliveredNotification> {
  // A real provider has no list of what it sent: a parity run refuses this (lib/testing/parity-guard.ts).
  if (isParityRun()) throw new Error(`${REACHES_INTO_THE_EMULATOR}: expectNotification`);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let seen: DeliveredNotification[] = [];
  for (;;) {
    seen = await listNotifications(options);
    // The oldest acknowledged one (the list is newest first): the first the shop received of its kind.
    const delivered = seen.filter((n) => n.status === "delivered" && matches(n, options.match)).at(-1);
    if (delivered) return delivered;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const about = options.reference ? ` about ${options.reference}` : "";
  const narrowed = options.match ? " matching the given fields" : "";
  throw new Error(
    `expectNotification: no ${options.provider} ${options.type} notification${about}${narrowed} was delivered and acknowledged within ${timeoutMs} ms. ` +
      (seen.length === 0
        ? "The emulator has none of that type."
        : `Seen: ${seen.map((n) => `${describe(n)}${matches(n, options.match) ? "" : " (other fields)"}`).join("; ")}.`),
  );
}
