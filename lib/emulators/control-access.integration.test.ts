// @module-tag control-plane
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  clearOverride,
  controlUrl,
  JSON_TYPE,
  listNotifications,
  pendingOverride,
  replay,
  serverUrl,
  waitForNotifications,
} from "@/lib/testing/control-fixtures";
import { startCallbackCatcher } from "@/lib/testing/pingpayments-fixtures";
import { payByCard } from "@/lib/testing/pingpong-fixtures";

// Local mode (the test server's APP_URL is localhost): the control plane needs no login, but a page
// on another site can no longer drive it through the visitor's browser, and it takes JSON only.
// (No reset here is let through: emptying the emulators under the shared server would restart their
// ids under the shop's feet. A reset that goes through is e2e/demo.spec.ts, via the shop's client.)

const EVIL = "https://evil.example";
const OVERRIDE = JSON.stringify({ outcome: "decline", notification: { mode: "dropped" } });

const post = (path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${serverUrl()}/emulators/control/${path}`, { method: "POST", headers, body });
const forceDecline = (headers: Record<string, string>) => post("antom/next-payment", headers, OVERRIDE);
const pendingAtAntom = async () => (await pendingOverride("antom")).json.override;

afterEach(async () => {
  expect(await clearOverride("antom")).toBe(204);
});

/** A PingPong payment whose one notification was delivered: something replay could send again. */
async function deliveredNotification() {
  const catcher = await startCallbackCatcher([200, 200, 200]);
  const { answer } = await payByCard("4111111111111111", { notificationUrl: catcher.url });
  const transactionId = (answer.biz as { transactionId: string }).transactionId;
  const [listed] = await waitForNotifications(
    "pingpong",
    transactionId,
    (list) => list.length === 1 && list[0].status === "delivered",
  );
  return { catcher, transactionId, listed };
}

describe("the control plane refuses another site's requests (403) and changes nothing", () => {
  it.each([
    ["Origin: https://evil.example", { ...JSON_TYPE, origin: EVIL }],
    ["an opaque Origin (null)", { ...JSON_TYPE, origin: "null" }],
    ["Sec-Fetch-Site: cross-site (no Origin)", { ...JSON_TYPE, "sec-fetch-site": "cross-site" }],
  ])("next-payment with %s: the override is not set", async (_name, headers) => {
    const answer = await forceDecline(headers);
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ error: expect.stringContaining("another site") });
    expect(await pendingAtAntom()).toBeNull();
  });

  it("DELETE of next-payment from another site: the override stays", async () => {
    expect((await forceDecline(JSON_TYPE)).status).toBe(200);
    expect(
      (await fetch(`${controlUrl("antom")}/next-payment`, { method: "DELETE", headers: { origin: EVIL } })).status,
    ).toBe(403);
    expect(await pendingAtAntom()).toEqual({
      outcome: "decline",
      declineReason: "generic",
      notification: { mode: "dropped" },
    });
  });

  it("replay from another site: nothing is enqueued, nothing delivered again", async () => {
    const { catcher, transactionId, listed } = await deliveredNotification();
    try {
      const answer = await post(`pingpong/notifications/${listed.id}/replay`, { ...JSON_TYPE, origin: EVIL }, "{}");
      expect(answer.status).toBe(403);
      expect((await listNotifications("pingpong", transactionId)).notifications.map((n) => n.id)).toEqual([listed.id]);
      expect(catcher.requests).toHaveLength(1);
    } finally {
      await catcher.close();
    }
  });

  it("reset from another site: the emulators keep their state", async () => {
    expect((await forceDecline(JSON_TYPE)).status).toBe(200);
    expect((await post("reset", { ...JSON_TYPE, origin: EVIL }, "{}")).status).toBe(403);
    expect((await post("reset", { ...JSON_TYPE, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await pendingAtAntom()).not.toBeNull();
  });
});

/** A request as a browser sends it to a name that resolves to this machine (Host and Origin both that name). */
function viaRebindingName(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(serverUrl());
  const name = `rebound.example:${port}`;
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: `/emulators/control/${path}`,
        headers: { host: name, origin: `http://${name}`, ...(body ? { "content-type": "application/json" } : {}) },
      },
      (answer) => {
        let text = "";
        answer.on("data", (chunk) => (text += chunk));
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, text }));
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}

describe("the control plane answers only on this machine's names (DNS rebinding)", () => {
  it("a page whose own name points at 127.0.0.1 can neither force an outcome nor read notifications", async () => {
    const forced = await viaRebindingName("POST", "antom/next-payment", OVERRIDE);
    expect(forced.status).toBe(403);
    expect(await pendingAtAntom()).toBeNull();
    const read = await viaRebindingName("GET", "pingpong/notifications?reference=anything");
    expect(read.status).toBe(403);
  });
});

describe("the control plane takes JSON only (415) and changes nothing otherwise", () => {
  it.each([
    ["text/plain (what a cross-site fetch or form may send unasked)", "text/plain;charset=UTF-8"],
    ["an HTML form", "application/x-www-form-urlencoded"],
  ])("next-payment sent as %s: the override is not set", async (_name, contentType) => {
    const answer = await forceDecline({ "content-type": contentType });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toEqual({ error: expect.stringContaining("Content-Type: application/json") });
    expect(await pendingAtAntom()).toBeNull();
  });

  it("a body-less replay or reset needs the JSON content type too", async () => {
    const { catcher, transactionId, listed } = await deliveredNotification();
    try {
      expect((await post(`pingpong/notifications/${listed.id}/replay`, {})).status).toBe(415);
      expect(
        (await post(`pingpong/notifications/${listed.id}/replay`, { "content-type": "text/plain" }, "{}")).status,
      ).toBe(415);
      expect((await listNotifications("pingpong", transactionId)).notifications).toHaveLength(1);
      expect((await forceDecline(JSON_TYPE)).status).toBe(200);
      expect((await post("reset", {})).status).toBe(415);
      expect((await post("reset", { "content-type": "text/plain" }, "{}")).status).toBe(415);
      expect(await pendingAtAntom()).not.toBeNull();
    } finally {
      await catcher.close();
    }
  });
});

describe("the control plane still works for the shop's own pages and for scripts", () => {
  it("next-payment: same-origin JSON and JSON with no Origin (curl, a backend) set the override", async () => {
    expect((await forceDecline({ ...JSON_TYPE, origin: serverUrl(), "sec-fetch-site": "same-origin" })).status).toBe(
      200,
    );
    expect(await pendingAtAntom()).toMatchObject({ outcome: "decline" });
    expect(await clearOverride("antom")).toBe(204);
    expect((await forceDecline(JSON_TYPE)).status).toBe(200);
    expect(await pendingAtAntom()).toMatchObject({ outcome: "decline" });
  });

  it("replay: same-origin JSON and JSON with no Origin enqueue it again", async () => {
    const { catcher, listed } = await deliveredNotification();
    try {
      expect(
        (await post(`pingpong/notifications/${listed.id}/replay`, { ...JSON_TYPE, origin: serverUrl() }, "{}")).status,
      ).toBe(202);
      expect((await replay("pingpong", listed.id)).status).toBe(202);
      await catcher.waitFor(3);
    } finally {
      await catcher.close();
    }
  });
});
