/**
 * Durations the control plane's clock accepts: a number of seconds (`7200`), or one or more
 * `<number> <unit>` parts (`"2 hours"`, `"8 days"`, `"1 day 6 hours"`, `"90m"`). Pure, so the
 * route's answers to bad input are unit-tested.
 */

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
};

/** The longest single advance (the project's bound: a year covers every provider's schedule and deadline). */
export const MAX_ADVANCE_SECONDS = 366 * 86_400;

export type DurationResult = { ok: true; seconds: number } | { ok: false; error: string };

const PART = /(-?\d+(?:\.\d+)?)\s*([a-z]+)/gy;

function parseText(text: string): DurationResult {
  const trimmed = text.trim().toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: true, seconds: Number(trimmed) };
  let seconds = 0;
  let matched = 0;
  PART.lastIndex = 0;
  const compact = trimmed.replace(/\s*,\s*|\s+and\s+/g, " ");
  let rest = compact;
  while (rest.length > 0) {
    PART.lastIndex = 0;
    const part = PART.exec(rest);
    if (!part) break;
    const unit = UNIT_SECONDS[part[2]];
    if (unit === undefined)
      return { ok: false, error: `unknown unit "${part[2]}" (use seconds, minutes, hours, days or weeks)` };
    seconds += Number(part[1]) * unit;
    matched += 1;
    rest = rest.slice(part[0].length).trimStart();
  }
  if (matched === 0 || rest.length > 0)
    return { ok: false, error: `"${text}" is not a duration (e.g. "2 hours", "8 days" or a number of seconds)` };
  return { ok: true, seconds };
}

/** Reads a duration from JSON: a number of seconds or a text; refuses negative, zero, unbounded ones. */
export function parseDuration(value: unknown, name = "advance"): DurationResult {
  let parsed: DurationResult;
  if (typeof value === "number") parsed = { ok: true, seconds: value };
  else if (typeof value === "string" && value.trim()) parsed = parseText(value);
  else return { ok: false, error: `${name}: a number of seconds or a text like "2 hours" is required` };
  if (!parsed.ok) return { ok: false, error: `${name}: ${parsed.error}` };
  const { seconds } = parsed;
  if (!Number.isFinite(seconds)) return { ok: false, error: `${name}: must be a finite number of seconds` };
  if (seconds < 0)
    return {
      ok: false,
      error: `${name}: must not be negative (the clock only moves forward; DELETE returns it to real time)`,
    };
  if (seconds === 0) return { ok: false, error: `${name}: must be more than 0 seconds` };
  if (seconds > MAX_ADVANCE_SECONDS)
    return { ok: false, error: `${name}: at most ${MAX_ADVANCE_SECONDS} seconds (366 days) at a time` };
  return { ok: true, seconds: Math.round(seconds * 1000) / 1000 };
}
