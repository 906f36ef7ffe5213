// @module-tag control-plane
import { afterEach, describe, expect, it } from "vitest";
import * as nextPayment from "@/app/emulators/control/[provider]/next-payment/route";
import * as notifications from "@/app/emulators/control/[provider]/notifications/route";
import * as replay from "@/app/emulators/control/[provider]/notifications/[id]/replay/route";

// The control plane's route handlers, called in this process with the environment a deployment
// pointed at real providers would have. (The test server runs with the emulator defaults.)
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["PINGPONG_BASE_URL", "ANTOM_BASE_URL", "LESSPAY_BASE_URL", "PINGPAYMENTS_BASE_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const ctx = (provider: string) => ({ params: Promise.resolve({ provider }) });

describe("the emulators' control endpoint", () => {
  it("answers 404 for a provider whose base URL is its real service", async () => {
    process.env.PINGPONG_BASE_URL = "https://sandbox-acquirer-payment.pingpongx.com";
    process.env.ANTOM_BASE_URL = "https://open-na-global.alipay.com";
    const set = await nextPayment.POST(
      new Request("http://localhost/emulators/control/pingpong/next-payment", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: "decline" }),
      }),
      ctx("pingpong"),
    );
    expect(set.status).toBe(404);
    expect(await set.json()).toEqual({ error: expect.stringContaining("PINGPONG_BASE_URL points at a real provider") });
    expect((await nextPayment.GET(new Request("http://localhost/x"), ctx("antom"))).status).toBe(404);
    expect((await notifications.GET(new Request("http://localhost/x?reference=pay_1"), ctx("antom"))).status).toBe(404);
    expect(
      (
        await replay.POST(
          new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" } }),
          { params: Promise.resolve({ provider: "pingpong", id: "1" }) },
        )
      ).status,
    ).toBe(404);
  });

  it("answers while the base URL is the emulator", async () => {
    process.env.LESSPAY_BASE_URL = `${process.env.TEST_SERVER_URL}/emulators/lesspay`;
    const answer = await nextPayment.GET(new Request("http://localhost/x"), ctx("lesspay"));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toHaveProperty("override");
  });
});
