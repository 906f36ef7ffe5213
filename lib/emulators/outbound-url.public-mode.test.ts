import { describe, expect, it } from "vitest";
import {
  createAtAntom,
  createAtLesspay,
  createAtPingPayments,
  createAtPingPong,
  type CreateAnswer,
  type MerchantSecrets,
} from "@/lib/testing/outbound-url-fixtures";
import { PUBLIC_APP_URL, publicModeSecret } from "@/lib/testing/public-mode";
import { serverUrl } from "@/lib/testing/server-url";

/**
 * The emulators' outbound URL policy in public mode (the built server with APP_URL
 * https://shop.example.test, reached on loopback): only the app's origin and the allowlist. A
 * notify URL on another host, or on loopback (any port: the server's own included) is refused at
 * create time, and so is a shopper URL off the site (no open redirect).
 */

/** The per-deployment credentials the public-mode server generated (the published ones are refused there), and the shop's site. */
function deploymentSecrets(): MerchantSecrets {
  return {
    pingpongSalt: publicModeSecret("pingpong-salt"),
    lesspayAppSecret: publicModeSecret("lesspay-app-secret"),
    pingpaymentsApiSecret: publicModeSecret("pingpayments-api-secret"),
    site: PUBLIC_APP_URL,
  };
}

const OFF_SITE = "must be on the merchant's site or a host in EMULATOR_ALLOWED_HOSTS";

type Create = (url: string, secrets: MerchantSecrets) => Promise<CreateAnswer>;

const NOTIFY_FIELDS: [string, string, Create, unknown][] = [
  [
    "PingPong unifiedPay",
    "bizContent.notificationUrl",
    (url, secrets) => createAtPingPong("notificationUrl", url, secrets),
    "100001",
  ],
  ["Antom pay", "paymentNotifyUrl", (url, secrets) => createAtAntom("paymentNotifyUrl", url, secrets), "PARAM_ILLEGAL"],
  ["Lesspay create-order", "notify_url", (url, secrets) => createAtLesspay("notify_url", url, secrets), 11],
  [
    "Ping Payments payment",
    "status_callback_url",
    (url, secrets) => createAtPingPayments("status_callback_url", url, secrets),
    "422 invalid_property@status_callback_url",
  ],
];

describe("outbound URLs in public mode", () => {
  it.each(NOTIFY_FIELDS)(
    "%s: %s on another host, or on loopback, is refused; on the app's origin it is taken",
    async (_, field, create, code) => {
      const secrets = deploymentSecrets();
      const refused = { accepted: false, code, message: expect.stringContaining(`${field} ${OFF_SITE}`) };
      expect(await create("http://evil.example/hook", secrets)).toEqual(refused);
      expect(await create("http://127.0.0.1:18999/hook", secrets)).toEqual(refused);
      expect(await create(`${serverUrl()}/api/webhooks/any`, secrets)).toEqual(refused);
      expect((await create(`${PUBLIC_APP_URL}/api/webhooks/any`, secrets)).accepted).toBe(true);
    },
  );

  it("Lesspay: a fail_url off the site is refused, so the cashier's cancel link cannot lead there", async () => {
    const secrets = deploymentSecrets();
    expect(await createAtLesspay("fail_url", "https://evil.example/phish", secrets)).toEqual({
      accepted: false,
      code: 11,
      message: expect.stringContaining(`fail_url ${OFF_SITE}`),
    });
    expect(await createAtLesspay("fail_url", "http://localhost:9/checkout/lesspay/fail", secrets)).toMatchObject({
      accepted: false,
      code: 11,
    });
  });
});
