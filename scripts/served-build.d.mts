export declare function servedBuildFingerprint(root: string): { buildId: string; files: string[] } | null;
export declare const SERVED_BUILD_BEFORE: string;
