// The shop will not serve with settings anyone could abuse: a real provider with the secret
// published in .env.example, or a public deployment left on a published value. The start fails
// and says which setting to change.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";
import { publicModeServerEnv } from "@/lib/testing/public-mode";

const port = Number(process.env.PUBLIC_MODE_PORT ?? 3103) + 50;

async function startFailure(env: Record<string, string>): Promise<string> {
  try {
    const server = await startTestServer({
      port,
      dataDir: "data/test-public-mode-refused",
      env: { ...publicModeServerEnv(port), ...env },
    });
    await server.stop();
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("a start with unsafe settings", () => {
  it("is refused when a provider points at its real service with the published secret", async () => {
    const failure = await startFailure({
      PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com",
      PINGPONG_SALT: "emulator-pingpong-salt",
    });
    expect(failure).toMatch(/exited \(1\)/);
    expect(failure).toMatch(/set PINGPONG_SALT to the salt of your PingPong merchant account/);
  }, 90_000);

  it("is refused when a public deployment keeps an emulator secret published in .env.example", async () => {
    const failure = await startFailure({ EMULATOR_LESSPAY_APP_SECRET: "emulator-lesspay-app-secret" });
    expect(failure).toMatch(/exited \(1\)/);
    expect(failure).toMatch(/EMULATOR_LESSPAY_APP_SECRET is the value published in \.env\.example/);
  }, 90_000);
});
