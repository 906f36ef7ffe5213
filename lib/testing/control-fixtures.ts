// Test helpers for the emulators' QA control plane (/emulators/control/<provider>/...).
export { sleep } from "./pingpayments-fixtures";
import type { EmulatorNotification } from "@/lib/emulator-control";
import { proofDriverIds } from "./proof-driver-list";
import { serverUrl } from "./server-url";
export { serverUrl } from "./server-url";

export const controlUrl = (provider: string) => `${serverUrl()}/emulators/control/${provider}`;

/** A notification as the control plane lists it: the shop's view of one, with its reference and headers. */
export type ListedNotification = EmulatorNotification & { reference: string | null; headers: Record<string, string> };

export async function listNotifications(provider: string, reference: string) {
  const response = await fetch(`${controlUrl(provider)}/notifications?reference=${encodeURIComponent(reference)}`);
  const json = (await response.json()) as { notifications?: ListedNotification[]; error?: string };
  return { status: response.status, json, notifications: json.notifications ?? [] };
}

/** Polls the list until `predicate` holds (e.g. every notification delivered). */
export async function waitForNotifications(
  provider: string,
  reference: string,
  predicate: (list: ListedNotification[]) => boolean,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { notifications } = await listNotifications(provider, reference);
    if (predicate(notifications)) return notifications;
    if (Date.now() > deadline)
      throw new Error(
        `notifications of ${provider} ${reference}: ${JSON.stringify(notifications.map((n) => [n.id, n.status, n.attempts]))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The control plane takes JSON only: a body-less POST (replay, reset) declares it too. */
export const JSON_TYPE = { "content-type": "application/json" } as const;

export async function replay(provider: string, id: number) {
  const response = await fetch(`${controlUrl(provider)}/notifications/${id}/replay`, {
    method: "POST",
    headers: JSON_TYPE,
  });
  return { status: response.status, json: (await response.json()) as { id?: number; error?: string } };
}

export type Fault = "timeout" | "http_500" | "html" | "malformed_json";

/** Whose payment a forced outcome is for (exactly one); absent: any payment no scoped one matches. */
export type Scope = { email: string } | { referencePrefix: string } | { testId: string };

export interface Override {
  scope?: Scope;
  outcome?: "approve" | "decline" | "challenge" | Fault;
  declineReason?: "generic" | "insufficient_funds" | "expired_card";
  /** With a fault: the payment is made and approved first, then answered badly. */
  charge?: boolean;
  /** Real seconds the answer of a stored payment is held. */
  holdSeconds?: number;
  notification?: {
    mode: "on_time" | "delayed" | "duplicated" | "out_of_order" | "dropped" | "bad_signature";
    seconds?: number;
    count?: number;
  };
}

export async function forceNextPayment(provider: string, override: Override, base = serverUrl()) {
  const response = await fetch(`${base}/emulators/control/${provider}/next-payment`, {
    method: "POST",
    headers: JSON_TYPE,
    body: JSON.stringify(override),
  });
  const json = (await response.json()) as { override?: Override; error?: string };
  if (response.status !== 200) throw new Error(`next-payment ${provider}: ${response.status} ${JSON.stringify(json)}`);
  return json.override!;
}

/** A forced outcome waiting for its payment, as GET …/next-payment lists it. */
export interface ForcedOutcome {
  scope: Scope | null;
  override: Override;
  setBy: string;
  setAt: string;
}

export async function pendingOverride(provider: string) {
  const response = await fetch(`${controlUrl(provider)}/next-payment`);
  return {
    status: response.status,
    json: (await response.json()) as { override: Override | null; forced: ForcedOutcome[] },
  };
}

/** Clears every forced outcome of the provider, or only the one of `scope`. */
export async function clearOverride(provider: string, scope?: Scope) {
  const query = scope ? `?${new URLSearchParams(scope as Record<string, string>)}` : "";
  return (await fetch(`${controlUrl(provider)}/next-payment${query}`, { method: "DELETE" })).status;
}

/** The emulators the tests drive (each with a proof driver), found by folder. */
export const PROVIDERS: readonly string[] = proofDriverIds();

/** The charges the provider's emulator recorded for a merchant reference (our payment id). */
export async function chargesFor(provider: string, reference: string, base = serverUrl()) {
  const response = await fetch(
    `${base}/emulators/control/${provider}/charges?reference=${encodeURIComponent(reference)}`,
  );
  if (response.status !== 200) throw new Error(`charges ${provider}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { reference: string; count: number; charges: { id: string; status: string }[] };
}
