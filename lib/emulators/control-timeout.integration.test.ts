// @module-tag control-plane
import { describe, expect, it } from "vitest";
import { forceNextPayment, pendingOverride } from "@/lib/testing/control-fixtures";
import { cashierBody, lesspayCall, newRequestId } from "@/lib/testing/lesspay-fixtures";

describe("a forced timeout", () => {
  it("holds the create-payment answer, then answers 504 and stores nothing; the next call is normal", async () => {
    // seconds: how long the answer is held (real time: clients time out on wall time).
    await forceNextPayment("lesspay", { outcome: "timeout", notification: { mode: "on_time", seconds: 1 } });
    const requestId = newRequestId();
    const started = Date.now();
    const held = await lesspayCall("create-order", cashierBody({ requestId }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(held.status).toBe(504);
    expect((await pendingOverride("lesspay")).json.override).toBeNull();
    const query = await lesspayCall("query-order", { request_id: requestId });
    expect(query.code).toBe(1202);
    const normal = await lesspayCall("create-order", cashierBody({ requestId: newRequestId() }));
    expect(normal.status).toBe(200);
  });
});
