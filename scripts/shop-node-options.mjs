// The Node options the shop's server runs with, in ONE place: `npm start` (scripts/start.mjs),
// the test servers and the bench (lib/testing/test-server.mjs) all start Next with them, so the
// bench measures the shop as it is served.
//
// A heap ceiling: without one, V8 sizes the old generation from the machine's memory (about 4 GB
// here) and, under a steady allocation rate such as a burst of notifications, lets the heap grow
// to 300+ MB of mostly garbage before it collects hard (the resident memory of the shop reached
// 390–520 MB under `npm run bench`'s ingestion load, while the live objects were about 40 MB).
// 256 MB is six times that live set and leaves room for the largest pages (the admin lists are
// keyset pages of 50 rows, also at 1 million orders) and for the build's module graph; a ceiling
// too small for the live set would crash the shop (out of memory), so raise it with
// SHOP_MAX_OLD_SPACE_MB (megabytes) for a bigger catalogue or longer pages.
export const DEFAULT_MAX_OLD_SPACE_MB = 256;

/** `--max-old-space-size=<SHOP_MAX_OLD_SPACE_MB or 256>`. */
export function shopHeapOption(env = process.env) {
  const configured = Number(env.SHOP_MAX_OLD_SPACE_MB);
  const megabytes = Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_OLD_SPACE_MB;
  return `--max-old-space-size=${megabytes}`;
}

/** The preload that believes X-Forwarded-* only from TRUSTED_PROXIES (scripts/forwarded-headers.mjs). */
export const FORWARDED_HEADERS_IMPORT = `--import ${JSON.stringify(new URL("./forwarded-headers.mjs", import.meta.url).href)}`;

/**
 * NODE_OPTIONS for the shop's server: what the environment already sets, then the heap ceiling
 * (unless NODE_OPTIONS already sets one: an explicit choice wins), the forwarded-headers preload,
 * then `extra` (e.g. more preloads).
 */
export function shopNodeOptions(env = process.env, extra = []) {
  const inherited = env.NODE_OPTIONS ?? "";
  const heap = /--max-old-space-size[=\s]/.test(inherited) ? [] : [shopHeapOption(env)];
  return [inherited, ...heap, FORWARDED_HEADERS_IMPORT, ...extra].filter(Boolean).join(" ");
}
