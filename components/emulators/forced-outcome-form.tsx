"use client";

import { useState } from "react";

export interface PendingOverride {
  outcome?: string;
  declineReason?: string;
  charge?: boolean;
  holdSeconds?: number;
  notification?: { mode: string; seconds?: number; count?: number };
}

const FAULTS = ["timeout", "http_500", "html", "malformed_json"] as const;
const OUTCOMES = ["", "approve", "decline", "challenge", ...FAULTS] as const;
const isFault = (value: string) => (FAULTS as readonly string[]).includes(value);
const DECLINE_REASONS = ["generic", "insufficient_funds", "expired_card"] as const;
const MODES = ["", "on_time", "delayed", "duplicated", "out_of_order", "dropped", "bad_signature"] as const;

function describe(override: PendingOverride | null): string {
  if (!override || (!override.outcome && !override.notification)) return "none";
  const parts: string[] = [];
  if (override.outcome)
    parts.push(override.outcome === "decline" ? `decline (${override.declineReason ?? "generic"})` : override.outcome);
  if (override.charge) parts.push("after charging");
  if (override.holdSeconds !== undefined) parts.push(`answer held ${override.holdSeconds} s`);
  if (override.notification) {
    const { mode, seconds, count } = override.notification;
    parts.push(
      `notifications ${mode}${seconds !== undefined ? ` ${seconds} s` : ""}${count !== undefined ? ` ×${count}` : ""}`,
    );
  }
  return parts.join(", ");
}

/**
 * The /emulators page's form forcing the outcome of a provider's next payment (one-shot):
 * posts JSON to /emulators/control/<provider>/next-payment and shows the pending override.
 */
export function ForcedOutcomeForm({
  provider,
  label,
  initial,
  disabledReason,
  noSignature,
}: {
  provider: string;
  label: string;
  initial: PendingOverride | null;
  disabledReason?: string;
  noSignature?: boolean;
}) {
  const [pending, setPending] = useState<PendingOverride | null>(initial);
  const [outcome, setOutcome] = useState("");
  const [declineReason, setDeclineReason] = useState("generic");
  const [charge, setCharge] = useState(false);
  const [holdSeconds, setHoldSeconds] = useState("");
  const [mode, setMode] = useState("");
  const [seconds, setSeconds] = useState("");
  const [count, setCount] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const endpoint = `/emulators/control/${provider}/next-payment`;
  const holdAllowed = outcome === "approve" || outcome === "timeout" || (isFault(outcome) && charge);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body: PendingOverride = {};
    if (outcome) body.outcome = outcome;
    if (outcome === "decline") body.declineReason = declineReason;
    if (isFault(outcome) && charge) body.charge = true;
    if (holdAllowed && holdSeconds !== "") body.holdSeconds = Number(holdSeconds);
    if (mode) {
      body.notification = { mode };
      if (mode === "delayed" || mode === "out_of_order") {
        if (seconds !== "") body.notification.seconds = Number(seconds);
      }
      if ((mode === "duplicated" || mode === "out_of_order") && count !== "") body.notification.count = Number(count);
    }
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as {
      override?: PendingOverride;
      error?: string;
      issues?: string[];
    };
    if (response.ok) {
      setPending(json.override ?? null);
      setMessage("Saved: the next payment takes it.");
    } else {
      setMessage(`${json.error ?? `HTTP ${response.status}`}${json.issues ? `: ${json.issues.join("; ")}` : ""}`);
    }
  }

  async function clear() {
    const response = await fetch(endpoint, { method: "DELETE" });
    if (response.ok) {
      setPending(null);
      setMessage("Cleared.");
    } else setMessage(`HTTP ${response.status}`);
  }

  async function refresh() {
    const response = await fetch(endpoint);
    const json = (await response.json().catch(() => ({}))) as { override?: PendingOverride | null };
    setPending(json.override ?? null);
  }

  if (disabledReason) {
    return (
      <div className="rounded-xl bg-white p-4 text-sm shadow-sm" data-testid={`forced-${provider}`}>
        <h2 className="font-medium">Force the next {label} payment</h2>
        <p className="text-slate-600">{disabledReason}</p>
      </div>
    );
  }

  const field = "rounded border border-slate-300 px-2 py-1";
  return (
    <form
      onSubmit={save}
      className="space-y-2 rounded-xl bg-white p-4 text-sm shadow-sm"
      data-testid={`forced-${provider}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-medium">Force the next {label} payment</h2>
        <button type="button" onClick={() => void refresh()} className="text-xs text-slate-600 underline">
          Refresh
        </button>
      </div>
      <p className="text-slate-600">
        Pending: <span data-testid={`forced-${provider}-pending`}>{describe(pending)}</span>
      </p>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1">
          Outcome
          <select className={field} value={outcome} onChange={(event) => setOutcome(event.target.value)} name="outcome">
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {value || "as the card scripts"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Decline reason
          <select
            className={field}
            value={declineReason}
            onChange={(event) => setDeclineReason(event.target.value)}
            disabled={outcome !== "decline"}
            name="declineReason"
          >
            {DECLINE_REASONS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label
          className="flex items-center gap-1 self-end pb-1"
          title="A fault after the charge: the payment is made and approved, then answered badly"
        >
          <input
            type="checkbox"
            checked={charge}
            onChange={(event) => setCharge(event.target.checked)}
            disabled={!isFault(outcome)}
            name="charge"
          />
          after charging
        </label>
        <label className="flex flex-col gap-1">
          Hold answer (s)
          <input
            className={`${field} w-20`}
            type="number"
            min={0}
            max={600}
            value={holdSeconds}
            onChange={(event) => setHoldSeconds(event.target.value)}
            disabled={!holdAllowed}
            name="holdSeconds"
          />
        </label>
        <label className="flex flex-col gap-1">
          Notifications
          <select className={field} value={mode} onChange={(event) => setMode(event.target.value)} name="mode">
            {MODES.filter((value) => !(noSignature && value === "bad_signature")).map((value) => (
              <option key={value} value={value}>
                {value || "as the name scripts"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Seconds
          <input
            className={`${field} w-24`}
            type="number"
            min={0}
            value={seconds}
            onChange={(event) => setSeconds(event.target.value)}
            disabled={mode !== "delayed" && mode !== "out_of_order"}
            name="seconds"
          />
        </label>
        <label className="flex flex-col gap-1">
          Count
          <input
            className={`${field} w-20`}
            type="number"
            min={1}
            max={20}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            disabled={mode !== "duplicated" && mode !== "out_of_order"}
            name="count"
          />
        </label>
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white">
          Force next payment
        </button>
        <button type="button" onClick={() => void clear()} className="rounded border border-slate-300 px-3 py-1">
          Clear
        </button>
      </div>
      {message ? (
        <p className="text-slate-600" role="status">
          {message}
        </p>
      ) : null}
    </form>
  );
}
