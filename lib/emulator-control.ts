import "server-only";
import { controlPlaneToken } from "@/lib/deployment-secrets";
import { settings } from "@/lib/env";
import { isPublicMode } from "@/lib/public-mode";
import { findDescriptor, isEmulated, providerDescriptors } from "@/lib/payments/registry";

/**
 * The shop's view of an emulator's QA control plane (notifications sent for a payment, replay).
 * Only while the provider's base URL is its emulator: against a real provider there is none.
 * Every call carries the control token (public mode requires it) and every POST is JSON.
 */
export interface EmulatorNotification {
  id: number;
  /** Its kind in the provider's own words (e.g. PAYMENT_RESULT); null for one sent before kinds were kept. */
  type: string | null;
  subject: string;
  targetUrl: string;
  status: string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  body: string;
  deliveries: { attemptedAt: string; httpStatus: number | null; error: string | null; durationMs: number }[];
}

/** The control plane's URL for a provider, or undefined when a real provider is configured. */
export function controlUrl(provider: string): string | undefined {
  const descriptor = findDescriptor(provider);
  if (!descriptor || !isEmulated(descriptor)) return undefined;
  return `${settings().EMULATORS_URL}/control/${descriptor.id}`;
}

/**
 * A request of the shop's own to the control plane at `url`: the bearer token always, and a POST
 * sends `body` as JSON (`{}` when it has none: the control plane takes JSON only).
 */
export function controlRequest(
  url: string,
  init: { method?: "GET" | "POST" | "DELETE"; body?: unknown } = {},
): Promise<Response> {
  const method = init.method ?? "GET";
  // The token the control plane expects, from the shop's own settings.
  const headers: Record<string, string> = {
    authorization: `Bearer ${controlPlaneToken(settings().EMULATOR_CONTROL_TOKEN)}`,
  };
  if (method === "POST") headers["content-type"] = "application/json";
  return fetch(url, {
    method,
    headers,
    body: method === "POST" ? JSON.stringify(init.body ?? {}) : undefined,
    cache: "no-store",
    signal: AbortSignal.timeout(5000),
  });
}

export async function emulatorNotifications(
  provider: string,
  reference: string,
): Promise<EmulatorNotification[] | undefined> {
  const url = controlUrl(provider);
  if (!url) return undefined;
  try {
    const response = await controlRequest(`${url}/notifications?reference=${encodeURIComponent(reference)}`);
    if (!response.ok) return undefined;
    return ((await response.json()) as { notifications: EmulatorNotification[] }).notifications;
  } catch {
    return undefined;
  }
}

export async function replayEmulatorNotification(provider: string, id: number): Promise<boolean> {
  const url = controlUrl(provider);
  if (!url) return false;
  const response = await controlRequest(`${url}/notifications/${id}/replay`, { method: "POST" });
  return response.ok;
}

/**
 * The providers whose next payment a tester can force (those whose base URL is their emulator);
 * `unsigned`: its notifications carry no signature to forge.
 */
export function forcibleProviders(): { id: string; label: string; unsigned: boolean }[] {
  return providerDescriptors()
    .filter(isEmulated)
    .map((provider) => ({
      id: provider.id,
      label: provider.displayName,
      unsigned: Boolean(provider.unsignedNotifications),
    }));
}

/**
 * Whether the shop offers this visitor the QA forms that force an emulator's outcome: on a laptop
 * anyone; in public mode an operator only (the control plane checks again: lib/emulators/control-access.ts).
 * The shop decides for itself: it never imports the emulators' code.
 */
export async function mayOfferControlPlane(): Promise<boolean> {
  if (!isPublicMode()) return true;
  const { currentUser } = await import("@/lib/auth");
  return (await currentUser())?.role === "operator";
}
