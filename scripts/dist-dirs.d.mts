export declare const SERVE_DIST_DIR: ".next";
export declare const TEST_DIST_DIR: ".next-test";
export declare const BENCH_DIST_DIR: ".next-bench";
export declare const DIST_DIRS: readonly string[];
export declare function distDirOf(env?: Record<string, string | undefined>, fallback?: string): string;
