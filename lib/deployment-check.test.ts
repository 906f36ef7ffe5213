import { describe, expect, it } from "vitest";
import { deploymentSecret } from "./deployment-secrets";
import { deploymentProblems, everyDeploymentSecret, isRealProviderUrl } from "./deployment-check";

const PUBLIC = { APP_URL: "https://shop.example.test" };

describe("deployment check", () => {
  it("lets a laptop run on the published values and the public demo on generated ones", () => {
    expect(deploymentProblems({})).toEqual([]);
    expect(
      deploymentProblems({
        APP_URL: "http://localhost:3000",
        PINGPONG_SALT: "emulator-pingpong-salt",
        EMULATOR_PINGPONG_SALT: "emulator-pingpong-salt",
      }),
    ).toEqual([]);
    expect(deploymentProblems(PUBLIC)).toEqual([]);
    expect(deploymentProblems({ ...PUBLIC, PINGPONG_SALT: "my-own", EMULATOR_PINGPONG_SALT: "my-own" })).toEqual([]);
  });

  it("refuses a real provider with the published secret or none, naming the setting", () => {
    const published = deploymentProblems({
      PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com",
      PINGPONG_SALT: "emulator-pingpong-salt",
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatch(/set PINGPONG_SALT to/);
    expect(deploymentProblems({ LESSPAY_BASE_URL: "https://lesspay2-pay-uat.doopayment.com" })[0]).toMatch(
      /LESSPAY_APP_SECRET is not set/,
    );
    expect(deploymentProblems({ ANTOM_BASE_URL: "https://open-na-global.alipay.com" })[0]).toMatch(/ANTOM_PUBLIC_KEY/);
    expect(
      deploymentProblems({
        PINGPAYMENTS_BASE_URL: "https://sandbox.pingpayments.com/payments",
        PINGPAYMENTS_API_SECRET: "real",
      }),
    ).toEqual([]);
  });

  it("leaves the shop's provider settings alone when the emulators are served alone, not the published secrets", () => {
    const realPingPong = { PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com" };
    expect(deploymentProblems(realPingPong)).toHaveLength(1);
    expect(deploymentProblems({ ...realPingPong, SERVE: "emulators" })).toEqual([]);
    expect(
      deploymentProblems({ ...PUBLIC, SERVE: "emulators", EMULATOR_PINGPONG_SALT: "emulator-pingpong-salt" })[0],
    ).toMatch(/EMULATOR_PINGPONG_SALT is the value published/);
  });

  it("refuses the published values in public mode, the shop's and the emulators'", () => {
    const problems = deploymentProblems({
      ...PUBLIC,
      LESSPAY_APP_SECRET: "emulator-lesspay-app-secret",
      EMULATOR_PINGPAYMENTS_API_SECRET: "emulator-pingpayments-secret",
    });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/LESSPAY_APP_SECRET is the value published/);
    expect(problems.join("\n")).toMatch(/EMULATOR_PINGPAYMENTS_API_SECRET is the value published/);
  });

  it("takes the emulators on loopback or on the shop's own host for emulators", () => {
    expect(isRealProviderUrl("http://localhost:3999/fake", "https://shop.example.test")).toBe(false);
    expect(isRealProviderUrl("https://shop.example.test/emulators/pingpong", "https://shop.example.test")).toBe(false);
    expect(isRealProviderUrl("https://sandbox.pingpayments.com/payments", "https://shop.example.test")).toBe(true);
    expect(isRealProviderUrl(undefined, "https://shop.example.test")).toBe(false);
  });

  it("knows every secret of the deployment: the shop's own and each provider's, with its published value", () => {
    const secrets = everyDeploymentSecret();
    expect(secrets).toEqual(expect.arrayContaining([{ name: "control-token" }, { name: "operator-password" }]));
    expect(secrets).toContainEqual({ name: "pingpong-salt", published: "emulator-pingpong-salt" });
    // Locally a provider's secret is its published value (the emulator's is the same).
    expect(deploymentSecret("pingpong-salt", "emulator-pingpong-salt")).toBe("emulator-pingpong-salt");
  });

  it("refuses, in public mode, whichever setting holds a published value, once each", () => {
    const problems = deploymentProblems({
      ...PUBLIC,
      PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com",
      PINGPONG_SALT: "emulator-pingpong-salt",
      SOME_OTHER_SETTING: "emulator-lesspay-app-secret",
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/set PINGPONG_SALT to/);
    expect(problems[1]).toMatch(/SOME_OTHER_SETTING is the value published/);
  });
});
