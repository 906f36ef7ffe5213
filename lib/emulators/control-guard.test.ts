import { describe, expect, it } from "vitest";
import { controlGuard } from "./control-guard";

describe("the control guard", () => {
  const realPingPong = { PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com" };

  it("refuses control when the shop's base URL points at the real provider", async () => {
    const refused = controlGuard("pingpong", realPingPong);
    expect(refused?.status).toBe(404);
    expect(await refused?.json()).toEqual({
      error: "control is disabled: PINGPONG_BASE_URL points at a real provider",
    });
  });

  it("has no shop base URL to follow when the emulators are served alone", async () => {
    expect(controlGuard("pingpong", { ...realPingPong, SERVE: "emulators" })).toBeUndefined();
    expect(controlGuard("nosuch", { SERVE: "emulators" })?.status).toBe(404);
  });
});
