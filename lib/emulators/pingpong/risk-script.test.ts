import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { RISK_CONTROL_SCRIPT } from "./risk";

/** Runs the plugin script in a fake page and records what it fetches and where it navigates. */
function loadPlugin() {
  const fetched: { url: string; body: Record<string, unknown> }[] = [];
  const navigated: string[] = [];
  const window: Record<string, unknown> = {
    location: {
      href: "http://shop.test/checkout",
      origin: "http://shop.test",
      assign: (url: string) => navigated.push(url),
    },
    screen: { colorDepth: 24, height: 900, width: 1440 },
  };
  const context = {
    window,
    document: {
      currentScript: {
        src: "http://emulator.test:3000/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js",
      },
    },
    navigator: { language: "en-GB", userAgent: "test-agent" },
    URL,
    Promise,
    JSON,
    Date,
    String,
    setTimeout,
    fetch: async (url: string, init: { body: string }) => {
      fetched.push({ url, body: JSON.parse(init.body) as Record<string, unknown> });
      return { ok: true, json: async () => ({ jsGeneratedData: { threeDInitTransId: "init-1" } }) };
    },
  };
  runInNewContext(RISK_CONTROL_SCRIPT, context);
  type Plugin = {
    installLight_S2S(): unknown;
    complexInit(options: Record<string, unknown>, callback: (data: unknown) => void): Promise<unknown>;
    getGeneratedData(): { browserInfo: Record<string, unknown>; jsGeneratedData: unknown };
    complexTrigger(params: Record<string, unknown>, callback: () => void): void;
  };
  const Constructor = window.PingPongRiskControl as new (options: Record<string, unknown>) => Plugin;
  return { Constructor, fetched, navigated };
}

describe("the risk-control plugin script", () => {
  it("posts only the BIN to the script's own origin and hands back jsGeneratedData", async () => {
    const { Constructor, fetched } = loadPlugin();
    const plugin = new Constructor({
      env: "SANDBOX",
      accId: "acc",
      clientId: "client",
      requestId: "req-1",
      merchantUserId: "u",
    });
    plugin.installLight_S2S();
    expect(plugin.getGeneratedData().jsGeneratedData).toBeNull();
    let received: unknown;
    await plugin.complexInit(
      {
        cardNumber: "4111 1111 1111 1111",
        cardExpireMonth: "12",
        cardExpireYear: "2035",
        requestId: "req-1",
        accId: "acc",
      },
      (data) => (received = data),
    );
    expect(fetched).toEqual([
      {
        url: "http://emulator.test:3000/emulators/pingpong/risk/v1/init",
        body: { accId: "acc", requestId: "req-1", cardBin: "411111", cardExpireMonth: "12", cardExpireYear: "2035" },
      },
    ]);
    expect(JSON.stringify(fetched)).not.toContain("4111111111111111");
    expect(received).toEqual({ threeDInitTransId: "init-1" });
    const generated = plugin.getGeneratedData();
    expect(generated.jsGeneratedData).toEqual({ threeDInitTransId: "init-1" });
    expect(Object.keys(generated.browserInfo).sort()).toEqual(
      [
        "acceptHeader",
        "colorDepth",
        "javaEnabled",
        "javaScriptEnabled",
        "language",
        "screenHeight",
        "screenWidth",
        "timeZoneOffset",
        "userAgent",
      ].sort(),
    );
  });

  it("complexTrigger leads to its own origin's challenge page for the blob's transactionId when threeDContinue is \"true\", else calls back", () => {
    const { Constructor, navigated } = loadPlugin();
    const plugin = new Constructor({});
    let called = 0;
    plugin.complexTrigger({ threeDContinue: "true", transactionId: "tx 1" }, () => called++);
    // The blob as a JSON string (the real plugin's blob is opaque to the shop) works the same.
    plugin.complexTrigger(
      JSON.stringify({ threeDContinue: "true", transactionId: "2" }) as unknown as Record<string, unknown>,
      () => called++,
    );
    // The blob's language (browserInfo.language of the payment) is the page's.
    plugin.complexTrigger({ threeDContinue: "true", transactionId: "3", language: "zh_CN" }, () => called++);
    expect(navigated).toEqual([
      "http://emulator.test:3000/emulators/pingpong/3ds/tx%201",
      "http://emulator.test:3000/emulators/pingpong/3ds/2",
      "http://emulator.test:3000/emulators/pingpong/3ds/3?lang=zh_CN",
    ]);
    expect(called).toBe(0);
    plugin.complexTrigger({ threeDContinue: "false" }, () => called++);
    expect(called).toBe(1);
  });
});
