import { join } from "node:path";
import { distDirOf, TEST_DIST_DIR } from "@/scripts/dist-dirs.mjs";

/** The build the tests serve and scan: `.next-test` (scripts/dist-dirs.mjs), never the `.next` that `npm start` serves. */
export const testBuildDir = () => join(process.cwd(), distDirOf(process.env, TEST_DIST_DIR));
