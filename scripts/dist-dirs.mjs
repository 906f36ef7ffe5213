// Where each use of the shop keeps its Next.js build. `npm start` serves `.next`; the tests and the
// bench build into folders of their own (NEXT_DIST_DIR), so they never replace the build that a
// running shop is serving.
export const SERVE_DIST_DIR = ".next";
export const TEST_DIST_DIR = ".next-test";
export const BENCH_DIST_DIR = ".next-bench";
export const DIST_DIRS = [SERVE_DIST_DIR, TEST_DIST_DIR, BENCH_DIST_DIR];

/** The build folder NEXT_DIST_DIR names (one of DIST_DIRS), or `fallback`. */
export function distDirOf(env = process.env, fallback = SERVE_DIST_DIR) {
  const named = env.NEXT_DIST_DIR;
  if (!named) return fallback;
  if (!DIST_DIRS.includes(named))
    throw new Error(`NEXT_DIST_DIR must be one of ${DIST_DIRS.join(", ")}, not ${JSON.stringify(named)}`);
  return named;
}
