import "server-only";

/**
 * The benchmark's bare comparators (an empty route handler, a bare page) exist only in a server
 * started by `npm run bench` (BENCH_COMPARATORS=1): everywhere else they answer 404, so the shop
 * never ships them open. Read at request time, not at build time.
 */
export function benchComparatorsEnabled(): boolean {
  return process.env.BENCH_COMPARATORS === "1";
}
