// @module-tag shop
import { testBuildDir } from "@/lib/testing/build-dir";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cartCookie } from "@/lib/testing/cart-cookie";
import { DEMO_USERS } from "@/lib/db/seed";
import { ANTOM_KEY_FILES, antomKeysDir } from "@/lib/providers/antom/dev-keys";
import { settings } from "@/lib/env";
import { lesspaySettings } from "@/lib/providers/lesspay/settings";
import { pingPaymentsSettings } from "@/lib/providers/pingpayments/settings";
import { pingPongSettings } from "@/lib/providers/pingpong/settings";
import { filesUnder, findSecrets, type Secret } from "@/lib/testing/secret-scan";
import { serverUrl, signInOverHttp } from "@/lib/testing/web-fixtures";

/** Every secret the server knows, as the test server runs (same env defaults, same data dir). */
function serverSecrets(): Secret[] {
  const env = settings();
  const secrets: Secret[] = [
    { label: "PingPayments API secret (x-api-secret)", value: pingPaymentsSettings().PINGPAYMENTS_API_SECRET },
    { label: "PINGPONG_SALT", value: pingPongSettings().PINGPONG_SALT },
    { label: "LESSPAY_APP_SECRET", value: lesspaySettings().LESSPAY_APP_SECRET },
  ];
  if (env.AUTH_SECRET) secrets.push({ label: "AUTH_SECRET", value: env.AUTH_SECRET });
  const authSecretFile = join(dirname(process.env.DATABASE_PATH ?? "data/test-integration/shop.sqlite"), "auth-secret");
  if (existsSync(authSecretFile))
    secrets.push({ label: "AUTH_SECRET (data dir)", value: readFileSync(authSecretFile, "utf8") });
  for (const name of ["merchantPrivate", "antomPrivate"] as const) {
    const file = join(antomKeysDir(), ANTOM_KEY_FILES[name]);
    if (existsSync(file)) secrets.push({ label: `Antom ${name} key`, value: readFileSync(file, "utf8") });
  }
  if (process.env.ANTOM_MERCHANT_PRIVATE_KEY)
    secrets.push({ label: "ANTOM_MERCHANT_PRIVATE_KEY", value: process.env.ANTOM_MERCHANT_PRIVATE_KEY });
  return secrets;
}

describe("no secret in what the browser downloads", () => {
  let secrets: Secret[];
  beforeAll(async () => {
    // The server creates its auth secret at first use: make sure it has one before reading it.
    await fetch(`${serverUrl()}/api/auth/session`);
    secrets = serverSecrets();
  });

  it("knows the secrets it looks for (the auth secret, the providers' keys, the Antom private keys)", () => {
    const labels = secrets.map((secret) => secret.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "AUTH_SECRET (data dir)",
        "PINGPONG_SALT",
        "LESSPAY_APP_SECRET",
        "PingPayments API secret (x-api-secret)",
        "Antom merchantPrivate key",
      ]),
    );
  });

  it("none in the build's static files (.next/static: every chunk, stylesheet and map)", () => {
    const files = [...filesUnder(join(testBuildDir(), "static"))];
    expect(files.length).toBeGreaterThan(10);
    expect(findSecrets(files, secrets)).toEqual([]);
  });

  it("none in the pages as the shop serves them (guest, shopper, operator) and the provider script", async () => {
    const shopper = await signInOverHttp(DEMO_USERS.find((user) => user.role === "shopper")!);
    const operator = await signInOverHttp(DEMO_USERS.find((user) => user.role === "operator")!);
    const cart = cartCookie();
    const pages: [string, string | undefined][] = [
      ["/", undefined],
      ["/products/merino-beanie", undefined],
      ["/checkout", cart],
      ["/checkout", `${shopper}; ${cart}`],
      ["/login", undefined],
      ["/account", shopper],
      ["/admin", operator],
      ["/admin/payments", operator],
      ["/emulators", undefined],
      ["/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js", undefined],
    ];
    const texts = [];
    for (const [path, cookie] of pages) {
      const answer = await fetch(`${serverUrl()}${path}`, { headers: cookie ? { cookie } : {} });
      expect(answer.status, path).toBe(200);
      texts.push({ where: path, content: await answer.text() });
    }
    expect(findSecrets(texts, secrets)).toEqual([]);
  });
});
