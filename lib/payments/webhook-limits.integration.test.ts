import { describe, expect, it } from "vitest";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

describe("the notification route and the pages' headers", () => {
  it("refuses a notification body over 1 MB with 413", async () => {
    const body = JSON.stringify({ padding: "x".repeat(1024 * 1024 + 10) });
    const answer = await fetch(`${serverUrl()}/api/webhooks/lesspay`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(answer.status).toBe(413);
  });

  it("sends security headers on pages and API answers", async () => {
    for (const path of ["/", "/api/health"]) {
      const answer = await fetch(`${serverUrl()}${path}`);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(answer.headers.get("x-powered-by")).toBeNull();
    }
  });
});
