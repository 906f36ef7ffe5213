// @module-tag emulator-internals
// `npm run emulators` (scripts/emulators.mjs, SERVE=emulators): the four emulators alone, on the
// port EMULATORS_PORT gives, with no shop; the README's curl exchanges run against it as written.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectReadmeExchanges } from "@/lib/testing/readme-exchanges";
import {
  standaloneEmulatorsEnv,
  startStandaloneEmulators,
  type StandaloneEmulators,
} from "@/lib/testing/standalone-emulators.mjs";

/** A port of its own (INTEGRATION_PORT + 7 unless STANDALONE_EMULATORS_PORT says), never 4010. */
const PORT = Number(process.env.STANDALONE_EMULATORS_PORT ?? Number(process.env.INTEGRATION_PORT ?? 3101) + 7);
const DATA_DIR = "data/test-standalone";
const dataFile = (name: string, dir = DATA_DIR) => join(process.cwd(), dir, name);

/** Routes of the shop, each with a method: none is served by the emulators alone. */
const SHOP_ROUTES: [string, string][] = [
  ["GET", "/"],
  ["GET", "/checkout"],
  ["GET", "/cart"],
  ["GET", "/admin"],
  ["GET", "/admin/payments"],
  ["GET", "/login"],
  ["GET", "/demo"],
  ["GET", "/products/ceramic-mug"],
  ["GET", "/api/orders/1/status"],
  ["GET", "/api/auth/session"],
  ["POST", "/api/webhooks/antom"],
  ["POST", "/api/demo/reset"],
  ["GET", "/canonical-host"],
  ["GET", "/readme/storefront.png"],
];

async function text(url: string, init?: RequestInit) {
  const response = await fetch(url, { redirect: "manual", ...init });
  return { status: response.status, body: await response.text() };
}

/** Runs one README block with bash, as a reader would paste it, against the server; its output lines. */
function runExchange(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const bash = spawn("bash", ["-e", "-o", "pipefail", "-c", script], {
      cwd: process.cwd(),
      env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    bash.stdout.on("data", (chunk) => (stdout += chunk));
    bash.stderr.on("data", (chunk) => (stderr += chunk));
    bash.on("close", (code) =>
      resolve({ code, lines: stdout.split("\n").filter((line) => line.trim() !== ""), stderr }),
    );
  });
}

describe("npm run emulators (a laptop: local mode, control plane open)", () => {
  let server: StandaloneEmulators;
  beforeAll(async () => {
    // The shop's base URL for PingPong names the real provider: a shop would refuse control; alone there is no shop.
    server = await startStandaloneEmulators({
      port: PORT,
      dataDir: DATA_DIR,
      env: { PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com" },
    });
  }, 90_000);
  afterAll(() => server?.stop());

  it("serves the four providers on the port EMULATORS_PORT gives, and says it is the emulators alone", async () => {
    expect(server.url).toBe(`http://localhost:${PORT}`);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      serve: "emulators",
      emulators: ["pingpayments", "pingpong", "antom", "lesspay"],
    });
    expect(server.output()).toMatch(/emulators ready \(SERVE=emulators, no shop\)/);
  });

  it("serves the catalogue page, with its scripts, without the shop", async () => {
    const page = await text(`${server.url}/emulators`);
    expect(page.status).toBe(200);
    for (const name of ["PingPong", "Antom", "Ping Payments", "Lesspay"]) expect(page.body).toContain(name);
    expect(page.body).toContain('data-testid="standalone-emulators"');
    expect(page.body).not.toContain("← Back to the shop");
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
  });

  for (const exchange of projectReadmeExchanges()) {
    it(`runs the README's ${exchange.title} exchange as written`, async () => {
      const run = await runExchange(exchange.script, {
        EMULATORS_URL: server.url,
        ANTOM_KEYS_DIR: standaloneEmulatorsEnv({ port: PORT, dataDir: DATA_DIR }).ANTOM_KEYS_DIR,
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.lines).toEqual(exchange.expected);
    });
  }

  it("answers 404 for every shop route and server action, saying the shop is not served here", async () => {
    for (const [method, path] of SHOP_ROUTES) {
      const answer = await text(`${server.url}${path}`, { method });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body, `${method} ${path}`).toMatch(/emulators alone \(SERVE=emulators\)/);
    }
    const action = await text(`${server.url}/emulators`, {
      method: "POST",
      headers: { "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain" },
      body: "[]",
    });
    expect(action.status).toBe(404);
  });

  it("opens the control plane with no shop, whatever the shop's base URL would say", async () => {
    const forced = await text(`${server.url}/emulators/control/pingpong/next-payment`);
    expect(forced.status).toBe(200);
    const reset = await text(`${server.url}/emulators/control/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(reset.status).toBe(200);
  });

  it("never creates the shop's database, only its own", () => {
    expect(existsSync(dataFile("emulators.sqlite"))).toBe(true);
    expect(existsSync(dataFile("shop.sqlite"))).toBe(false);
  });
});

describe("npm run emulators on a public address: the control plane takes the token only", () => {
  const token = "standalone-control-token-0123456789";
  let server: StandaloneEmulators;
  beforeAll(async () => {
    server = await startStandaloneEmulators({
      port: PORT,
      dataDir: `${DATA_DIR}-public`,
      env: { APP_URL: "https://emulators.example.test", EMULATOR_CONTROL_TOKEN: token },
    });
  }, 90_000);
  afterAll(() => server?.stop());

  it("refuses control without the token (no sign-in to offer) and answers with it", async () => {
    const refused = await text(`${server.url}/emulators/control/pingpong/next-payment`);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({
      error:
        "The emulators' control plane needs Authorization: Bearer <EMULATOR_CONTROL_TOKEN> (this server runs the emulators alone: there is no sign-in).",
    });
    const allowed = await fetch(`${server.url}/emulators/control/pingpong/next-payment`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(allowed.status).toBe(200);
  });

  it("shows the catalogue with the token's way instead of a sign-in link, and no shop database", async () => {
    const page = await text(`${server.url}/emulators`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="forced-outcomes-token"');
    expect(page.body).not.toContain("/login");
    expect(existsSync(dataFile("shop.sqlite", `${DATA_DIR}-public`))).toBe(false);
  });
});

describe("npm run emulators with EMULATOR_CONTROL=closed: as if remote", () => {
  let server: StandaloneEmulators;
  beforeAll(async () => {
    server = await startStandaloneEmulators({
      port: PORT,
      dataDir: `${DATA_DIR}-closed`,
      env: { EMULATOR_CONTROL: "closed" },
    });
  }, 90_000);
  afterAll(() => server?.stop());

  it("answers 404 on every control route, saying why, while the providers' APIs answer", async () => {
    const closed = {
      error:
        "The emulators' control plane is closed on this server (EMULATOR_CONTROL=closed): only the providers' own APIs and pages answer.",
    };
    for (const [method, path] of [
      ["GET", "/emulators/control/pingpong/next-payment"],
      ["POST", "/emulators/control/antom/next-payment"],
      ["DELETE", "/emulators/control/lesspay/next-payment"],
      ["GET", "/emulators/control/pingpayments/charges?reference=x"],
      ["GET", "/emulators/control/pingpong/notifications?reference=x"],
      ["POST", "/emulators/control/pingpong/notifications/1/replay"],
      ["POST", "/emulators/control/reset"],
      // The hosted QR page's QA hook is the control plane's too.
      ["POST", "/emulators/pingpong/apm/unknown-transaction/expire"],
    ]) {
      const answer = await text(`${server.url}${path}`, {
        method,
        headers: method === "GET" ? {} : { "content-type": "application/json" },
        body: method === "POST" ? "{}" : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(JSON.parse(answer.body), `${method} ${path}`).toEqual(closed);
    }
    const order = await fetch(`${server.url}/emulators/pingpayments/api/v1/payment_orders`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        tenant_id: "1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10",
        "x-api-secret": "emulator-pingpayments-secret",
      },
      body: JSON.stringify({ split_tree_id: "7d3e2a91-8c4b-4e5f-a6d7-0b1c2d3e4f50", currency: "SEK" }),
    });
    expect(order.status).toBe(200);
  });

  it("shows the catalogue without the forced-outcome forms", async () => {
    const page = await text(`${server.url}/emulators`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="forced-outcomes-closed"');
  });
});
