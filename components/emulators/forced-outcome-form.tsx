"use client";

import { useId, useState } from "react";

export interface PendingOverride {
  outcome?: string;
  declineReason?: string;
  charge?: boolean;
  holdSeconds?: number;
  notification?: { mode: string; seconds?: number; count?: number };
}

/** A forced outcome waiting for its payment, as the control plane lists it (GET …/next-payment `forced`). */
export interface ActiveForcedOutcome {
  scope: { email?: string; referencePrefix?: string; testId?: string } | null;
  override: PendingOverride;
  setBy: string;
  setAt: string;
}

/** The scopes a forced outcome can have, with the query parameter and label of each (`any`: none). */
const SCOPES = [
  { key: "any", label: "any payment (when no scoped one matches)", field: "" },
  { key: "email", label: "shopper email", field: "Shopper email" },
  { key: "referencePrefix", label: "merchant reference prefix", field: "Reference prefix" },
  { key: "testId", label: "test id (X-Emulator-Test-Id header)", field: "Test id" },
] as const;
type ScopeKey = (typeof SCOPES)[number]["key"];

function describeScope(scope: ActiveForcedOutcome["scope"]): string {
  if (scope?.email !== undefined) return `shopper email ${scope.email}`;
  if (scope?.referencePrefix !== undefined) return `reference starting ${scope.referencePrefix}`;
  if (scope?.testId !== undefined) return `test id ${scope.testId}`;
  return "any payment";
}

/** The DELETE query clearing one scope's forced outcome. */
function scopeQuery(scope: ActiveForcedOutcome["scope"]): string {
  const [key, value] = Object.entries(scope ?? {})[0] ?? ["scope", "any"];
  return `?${new URLSearchParams({ [key]: value })}`;
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
 * The /emulators page's form forcing the outcome of a provider's next payment (one-shot), for
 * any payment or one scope: posts JSON to /emulators/control/<provider>/next-payment and lists
 * the forced outcomes waiting for their payment, with who set each and when.
 */
export function ForcedOutcomeForm({
  provider,
  label,
  initial,
  disabledReason,
  noSignature,
  scopeFields,
}: {
  provider: string;
  label: string;
  initial: ActiveForcedOutcome[];
  disabledReason?: string;
  noSignature?: boolean;
  /** The provider's request fields a scope is matched against (the /emulators tab says which). */
  scopeFields?: { reference: string; email: string | null };
}) {
  const [active, setActive] = useState<ActiveForcedOutcome[]>(initial);
  const [scopeKey, setScopeKey] = useState<ScopeKey>("any");
  const [scopeValue, setScopeValue] = useState("");
  const scopeId = useId();
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
    const body: PendingOverride & { scope?: Record<string, string> } = {};
    if (scopeKey !== "any") body.scope = { [scopeKey]: scopeValue.trim() };
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
      scope?: ActiveForcedOutcome["scope"];
      error?: string;
      issues?: string[];
    };
    if (response.ok) {
      await refresh();
      setMessage(`Saved: the next payment of ${describeScope(json.scope ?? null)} takes it.`);
    } else {
      setMessage(`${json.error ?? `HTTP ${response.status}`}${json.issues ? `: ${json.issues.join("; ")}` : ""}`);
    }
  }

  /** Clears one scope's forced outcome, or every one (no scope given). */
  async function clear(scope?: ActiveForcedOutcome["scope"]) {
    const response = await fetch(`${endpoint}${scope === undefined ? "" : scopeQuery(scope)}`, { method: "DELETE" });
    if (response.ok) {
      await refresh();
      setMessage(scope === undefined ? "Cleared them all." : `Cleared the one for ${describeScope(scope)}.`);
    } else setMessage(`HTTP ${response.status}`);
  }

  async function refresh() {
    const response = await fetch(endpoint);
    const json = (await response.json().catch(() => ({}))) as { forced?: ActiveForcedOutcome[] };
    setActive(json.forced ?? []);
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
      <ActiveList provider={provider} label={label} active={active} onClear={(scope) => void clear(scope)} />
      {scopeFields ? (
        <p className="text-slate-600">
          A scope matches the shopper email in{" "}
          {scopeFields.email ? <code>{scopeFields.email}</code> : `nothing (${label}'s request carries no email)`}, the
          reference in <code>{scopeFields.reference}</code>, the test id in the <code>X-Emulator-Test-Id</code> header.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {/* Labelled by id, not wrapped: the label's name is "Scope" alone, not its options' words (e.g. "email"). */}
        <div className="flex flex-col gap-1">
          <label htmlFor={scopeId}>Scope</label>
          <select
            id={scopeId}
            className={field}
            value={scopeKey}
            onChange={(event) => setScopeKey(event.target.value as ScopeKey)}
            name="scope"
          >
            {SCOPES.map((scope) => (
              <option key={scope.key} value={scope.key}>
                {scope.label}
              </option>
            ))}
          </select>
        </div>
        {scopeKey !== "any" ? (
          <label className="flex flex-col gap-1">
            {SCOPES.find((scope) => scope.key === scopeKey)!.field}
            <input
              className={`${field} w-64`}
              type={scopeKey === "email" ? "email" : "text"}
              required
              value={scopeValue}
              onChange={(event) => setScopeValue(event.target.value)}
              name="scopeValue"
            />
          </label>
        ) : null}
      </div>
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
          Clear all
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

/** The forced outcomes waiting for their payment: scope, outcome, who set it and when, each with its own Clear. */
function ActiveList({
  provider,
  label,
  active,
  onClear,
}: {
  provider: string;
  label: string;
  active: ActiveForcedOutcome[];
  onClear: (scope: ActiveForcedOutcome["scope"]) => void;
}) {
  if (active.length === 0)
    return (
      <p className="text-slate-600" data-testid={`forced-${provider}-pending`}>
        Pending: none
      </p>
    );
  return (
    <table className="w-full text-left" data-testid={`forced-${provider}-pending`}>
      <caption className="text-left text-slate-600">Pending forced outcomes of {label}</caption>
      <thead className="text-xs text-slate-600 uppercase">
        <tr>
          <th className="py-1 pr-2">Scope</th>
          <th className="py-1 pr-2">Outcome</th>
          <th className="py-1 pr-2">Set by</th>
          <th className="py-1 pr-2">Set at</th>
          <th className="py-1">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {active.map((forced) => {
          const scope = describeScope(forced.scope);
          return (
            <tr key={scope}>
              <td className="py-1 pr-2">{scope}</td>
              <td className="py-1 pr-2">{describe(forced.override)}</td>
              <td className="py-1 pr-2">{forced.setBy}</td>
              <td className="py-1 pr-2">
                <time dateTime={forced.setAt}>{forced.setAt.replace("T", " ").slice(0, 19)} UTC</time>
              </td>
              <td className="py-1">
                <button
                  type="button"
                  onClick={() => onClear(forced.scope)}
                  className="text-xs text-slate-700 underline"
                  aria-label={`Clear the forced outcome for ${scope}`}
                >
                  Clear
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
