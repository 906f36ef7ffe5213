/**
 * What this server serves, from the environment (read at each use; no Node API, so the request
 * proxy can read it too). One build, two ways to serve it:
 *
 * - `SERVE` unset (or `shop`): the shop, with the emulators mounted under /emulators (`npm start`).
 * - `SERVE=emulators`: the four emulators alone (`npm run emulators`): /emulators/** (the catalogue,
 *   the providers' APIs and hosted pages, the control plane) and /api/health; every shop route
 *   answers 404 (proxy.ts), the shop's database is never opened and no shop loop runs
 *   (instrumentation.ts). The emulators' database is then data/emulators-standalone/emulators.sqlite
 *   unless EMULATOR_DATABASE_PATH says otherwise.
 *
 * `EMULATOR_CONTROL=closed` (either mode) closes the emulators' control plane: every
 * /emulators/control/** route answers 404, as a real provider would (parity runs "as if remote").
 */

type Env = Record<string, string | undefined>;

export type ServeMode = "shop" | "emulators";

export const SERVE_MODES: readonly ServeMode[] = ["shop", "emulators"];

/** The serve mode `SERVE` names; throws on any other value (a typo must not serve the shop instead). */
export function serveMode(env: Env = process.env): ServeMode {
  const value = env.SERVE?.trim().toLowerCase() || "shop";
  if ((SERVE_MODES as readonly string[]).includes(value)) return value as ServeMode;
  throw new Error(`SERVE must be one of ${SERVE_MODES.join(", ")} (unset: shop), not ${JSON.stringify(env.SERVE)}`);
}

/** Whether this server runs the emulators alone (`SERVE=emulators`), with no shop. */
export function isStandaloneEmulators(env: Env = process.env): boolean {
  return serveMode(env) === "emulators";
}

/** Whether `EMULATOR_CONTROL=closed` closed the control plane (any other value but `open` is refused). */
export function isControlPlaneClosed(env: Env = process.env): boolean {
  const value = env.EMULATOR_CONTROL?.trim().toLowerCase() || "open";
  if (value === "open") return false;
  if (value === "closed") return true;
  throw new Error(`EMULATOR_CONTROL must be open or closed (unset: open), not ${JSON.stringify(env.EMULATOR_CONTROL)}`);
}

/** The one health route the standalone server keeps (start-up scripts and tests wait on it). */
export const HEALTH_PATH = "/api/health";

/**
 * Whether the standalone emulators serve `pathname`: the emulators (/emulators and below), the
 * build's own files (/_next/**: the hosted pages' scripts and styles) and the health route.
 */
export function servedByStandaloneEmulators(pathname: string): boolean {
  return (
    pathname === "/emulators" ||
    pathname.startsWith("/emulators/") ||
    pathname.startsWith("/_next/") ||
    pathname === HEALTH_PATH
  );
}

/** Where the standalone emulators keep their database unless EMULATOR_DATABASE_PATH is set. */
export const STANDALONE_EMULATOR_DATABASE = "data/emulators-standalone/emulators.sqlite";

/** The emulators' database file: EMULATOR_DATABASE_PATH, else the serve mode's default. */
export function emulatorDatabasePath(env: Env = process.env): string {
  return (
    env.EMULATOR_DATABASE_PATH || (isStandaloneEmulators(env) ? STANDALONE_EMULATOR_DATABASE : "data/emulators.sqlite")
  );
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The emulators' PostgreSQL database, when they keep their data there: `EMULATOR_DATABASE_URL`
 * (a database of their own), else the shop's `DATABASE_URL` (the same database, in a schema of its
 * own, `emulators`). Undefined: SQLite, emulatorDatabasePath() (neither is a `postgres://` URL, or
 * `EMULATOR_DATABASE_URL=sqlite` keeps them there beside a shop on PostgreSQL). Any other value of
 * EMULATOR_DATABASE_URL is refused (a typo must not put them elsewhere).
 */
export function emulatorDatabaseUrl(env: Env = process.env): string | undefined {
  const own = env.EMULATOR_DATABASE_URL?.trim();
  if (own === "sqlite") return undefined;
  if (own && !POSTGRES_URL.test(own))
    throw new Error(`EMULATOR_DATABASE_URL must be a postgres:// URL or sqlite, not ${JSON.stringify(own)}`);
  if (own) return own;
  return env.DATABASE_URL && POSTGRES_URL.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
}

/** A database URL for a log line: without its password. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "…";
  return parsed.toString();
}

/** Where the emulators' data is, for a log line: the SQLite file, or the PostgreSQL URL without its password. */
export function emulatorDatabaseLabel(env: Env = process.env): string {
  const url = emulatorDatabaseUrl(env);
  return url ? `${withoutPassword(url)} (schema emulators)` : emulatorDatabasePath(env);
}
