// Test helpers for the emulators' one clock and signing-secret rotation (the control plane, over HTTP).
import type { AdvanceReport } from "@/lib/emulators/clock-advance";
import { JSON_TYPE } from "./control-fixtures";
import { serverUrl } from "./server-url";

const clockUrl = () => `${serverUrl()}/emulators/control/clock`;

/** POST {advance}; the raw answer (a test of bad input reads its status). */
export async function postAdvance(advance: unknown) {
  const response = await fetch(clockUrl(), { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ advance }) });
  return {
    status: response.status,
    json: (await response.json()) as AdvanceReport & { error?: string; issues?: string[] },
  };
}

/** Moves the emulators' clock forward ("2 hours", "8 days", or seconds); throws unless 200. */
export async function advanceEmulatorClock(advance: string | number): Promise<AdvanceReport> {
  const { status, json } = await postAdvance(advance);
  if (status !== 200) throw new Error(`advance ${advance}: ${status} ${JSON.stringify(json)}`);
  return json;
}

export async function emulatorClockNow() {
  const response = await fetch(clockUrl());
  return (await response.json()) as { offsetSeconds: number; now: string; realTime: boolean };
}

/** Back to real time (every test that moves the clock calls it after itself). */
export async function resetEmulatorClock(): Promise<void> {
  const response = await fetch(clockUrl(), { method: "DELETE" });
  if (response.status !== 200) throw new Error(`clock reset: ${response.status}`);
}

const secretUrl = (provider: string) => `${serverUrl()}/emulators/control/${provider}/signing-secret`;

/** Rotates a provider's shared secret ({secret?, window?}); answers the status and the answer (the new secret once). */
export async function rotateSigningSecret(provider: string, body: Record<string, unknown> = {}) {
  const response = await fetch(secretUrl(provider), { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) });
  return {
    status: response.status,
    json: (await response.json()) as {
      secret?: string;
      previousValidUntil?: string;
      previousValid?: boolean;
      notificationsSignedWith?: string;
      error?: string;
      issues?: string[];
    },
  };
}

export async function signingSecretState(provider: string) {
  const response = await fetch(secretUrl(provider));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Back to the configured secret. */
export async function clearSigningSecret(provider: string): Promise<void> {
  const response = await fetch(secretUrl(provider), { method: "DELETE" });
  if (response.status !== 204) throw new Error(`signing-secret reset ${provider}: ${response.status}`);
}
