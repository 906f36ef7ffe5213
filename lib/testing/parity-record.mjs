// `npm run test:parity -- --record`: the provider answers and notifications of a parity run, kept as
// fixtures beside each provider's documented examples (lib/providers/<provider>/fixtures/recorded/
// <host>/), so that a run against a real sandbox adds the provider's real shapes to the conformance
// set. Read from the run's shop databases (payment_events), which hold them redacted already; each
// is redacted once more here (card numbers, security codes, secrets, signatures) before it is written.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

const CARD_RUN = /(?<!\d)(\d{6})\d{3,9}(\d{4})(?!\d)/g;
/** Keys whose values are never kept, whoever sent them (compared without case, `-` and `_`). */
const SECRET_KEY =
  /^(cvv2?|cvc2?|securitycode|cardcvv|password|secret|.*secret|authorization|signature|sign|salt|.*token|.*privatekey|apikey)$/;

const normalised = (key) => key.toLowerCase().replace(/[-_]/g, "");

export function redactForFixture(value, key) {
  if (key !== undefined && SECRET_KEY.test(normalised(key))) return value == null ? value : "[redacted]";
  if (typeof value === "string") return value.replace(CARD_RUN, (_m, first6, last4) => `${first6}******${last4}`);
  if (typeof value === "number" && String(value).length >= 13) return redactForFixture(String(value), key);
  if (Array.isArray(value)) return value.map((item) => redactForFixture(item));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactForFixture(v, k)]));
  return value;
}

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/** One fixture per distinct exchange: an API call by method, path and status; a notification by its summary. */
function fixtureOf(row) {
  const detail = JSON.parse(row.detail ?? "null");
  if (row.type === "api_call" && detail?.url) {
    const url = new URL(detail.url);
    return {
      host: url.host,
      name: `answer-${slug(`${detail.method} ${url.pathname} ${detail.status || "no-answer"}`)}`,
      body: {
        kind: "api_call",
        method: detail.method,
        path: url.pathname,
        status: detail.status,
        request: detail.request,
        response: detail.response,
      },
    };
  }
  if (row.type === "notification" && detail) {
    return {
      host: undefined,
      name: `notification-${slug(row.summary)}`,
      body: { kind: "notification", summary: row.summary, notification: detail.notification ?? detail },
    };
  }
  return undefined;
}

/**
 * Writes the fixtures of `providers` found in `databases` (paths relative to `root`) and returns
 * the files written. A notification's host is the host its provider's API answered from in the
 * same run (a notification names no host).
 */
export function recordFixtures({ root, databases, providers, recordedAt = new Date().toISOString() }) {
  const written = new Map();
  for (const database of databases) {
    const file = join(root, database);
    if (!existsSync(file)) continue;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          `SELECT provider, type, summary, detail FROM payment_events WHERE type IN ('api_call', 'notification') ORDER BY id`,
        )
        .all();
      const hosts = new Map();
      for (const row of rows) {
        if (!providers.includes(row.provider)) continue;
        const fixture = fixtureOf(row);
        if (!fixture) continue;
        const host = fixture.host ?? hosts.get(row.provider) ?? "unknown-host";
        if (fixture.host) hosts.set(row.provider, fixture.host);
        const folder = join(root, "lib", "providers", row.provider, "fixtures", "recorded", slug(host));
        const path = join(folder, `${fixture.name}.json`);
        if (written.has(path)) continue;
        mkdirSync(folder, { recursive: true });
        const body = redactForFixture({ recordedAt, provider: row.provider, host, ...fixture.body });
        writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
        written.set(path, body);
      }
    } finally {
      db.close();
    }
  }
  return [...written.keys()];
}
