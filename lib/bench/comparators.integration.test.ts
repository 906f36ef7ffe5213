// @module-tag shop
import { describe, expect, it } from "vitest";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

// The test server runs without BENCH_COMPARATORS: the benchmark's bare comparators must not be open.
describe("the benchmark's bare comparators", () => {
  it("answer 404 in a shop not started by `npm run bench`", async () => {
    const empty = await fetch(`${serverUrl()}/api/bench/empty`, { method: "POST", body: "{}" });
    expect(empty.status).toBe(404);
    const bare = await fetch(`${serverUrl()}/bench/bare`);
    expect(bare.status).toBe(404);
    // Not the page's server-action form either.
    expect(await bare.text()).not.toContain('name="token"');
  });
});
