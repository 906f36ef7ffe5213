import { afterEach, describe, expect, it, vi } from "vitest";
import { describeAnswer, sendProviderRequest } from "./http";

// Which answers leave it open whether the provider acted: the service keeps those payments
// pending instead of failing them (lib/payments/start-payment.ts, awaitUnknownAnswer).
afterEach(() => vi.unstubAllGlobals());

function answering(response: () => Response | Promise<Response>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => response()),
  );
  return sendProviderRequest({
    method: "POST",
    url: "http://provider.test/pay",
    headers: {},
    body: "{}",
    timeoutMs: 1000,
  });
}

describe("sendProviderRequest: an unreadable answer", () => {
  it.each([
    ["no answer (network failure)", () => Promise.reject(new TypeError("fetch failed"))],
    [
      "no answer (timeout)",
      () => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ],
    ["HTTP 500", () => Response.json({ error: "boom" }, { status: 500 })],
    ["HTTP 504", () => new Response("", { status: 504 })],
    ["HTTP 408", () => new Response("", { status: 408 })],
    [
      "a proxy's HTML 502 page",
      () =>
        new Response("<html><body>502 Bad Gateway</body></html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    ],
    [
      "an HTML page with 200",
      () => new Response("<!doctype html><html></html>", { status: 200, headers: { "content-type": "text/html" } }),
    ],
    ["cut-off JSON with 200", () => new Response('{"result":{"resultStatus":"S"', { status: 200 })],
  ] as const)("%s", async (_name, response) => {
    expect((await answering(response)).unreadable).toBe(true);
  });

  it.each([
    ["a JSON 200", () => Response.json({ ok: true })],
    ["a JSON 422 refusal", () => Response.json({ errors: [{ error: "invalid_property" }] }, { status: 422 })],
    ["a 401", () => new Response("", { status: 401 })],
    ["an empty 204", () => new Response(null, { status: 204 })],
  ] as const)("not %s", async (_name, response) => {
    expect((await answering(response)).unreadable).toBe(false);
  });

  it("says what came back", async () => {
    expect(
      describeAnswer(
        await answering(() => new Response("<html></html>", { status: 502, headers: { "content-type": "text/html" } })),
      ),
    ).toBe("HTTP 502 (an HTML page)");
    expect(describeAnswer(await answering(() => new Response("{", { status: 200 })))).toBe("HTTP 200 (not JSON)");
    expect(describeAnswer(await answering(() => Promise.reject(new TypeError("fetch failed"))))).toMatch(
      /^no answer \(TypeError: fetch failed\)/,
    );
  });
});
