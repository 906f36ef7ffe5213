import { describe, expect, it } from "vitest";
import { allowedMethods, dispatch, matchRoute, type EmulatorRoute } from "./routes";

const segments = (path: string) => path.split("/").filter(Boolean);

describe("matchRoute: a path pattern written as Next's folders", () => {
  it("matches static segments exactly, and only the whole path", () => {
    expect(matchRoute("/v4/payment/refund", segments("/v4/payment/refund"))).toEqual({});
    expect(matchRoute("/v4/payment/refund", segments("/v4/payment"))).toBeUndefined();
    expect(matchRoute("/v4/payment/refund", segments("/v4/payment/refund/x"))).toBeUndefined();
    expect(matchRoute("/v4/payment/refund", segments("/v4/payment/Refund"))).toBeUndefined();
  });

  it("takes a dynamic segment's value by its name", () => {
    expect(matchRoute("/orders/[id]/payments/[paymentId]", segments("/orders/o1/payments/p2"))).toEqual({
      id: "o1",
      paymentId: "p2",
    });
    expect(matchRoute("/orders/[id]", segments("/orders"))).toBeUndefined();
  });

  it("a catch-all takes one or more segments, joined with /", () => {
    expect(matchRoute("/api/[...path]", segments("/api/v1/anything/here"))).toEqual({ path: "v1/anything/here" });
    expect(matchRoute("/api/[...path]", segments("/api"))).toBeUndefined();
    expect(() => matchRoute("/api/[...path]/x", segments("/api/a/x"))).toThrow(/last segment/);
  });
});

describe("dispatch: answers as Next answers a route file", () => {
  const calls: string[] = [];
  const routes: EmulatorRoute[] = [
    {
      path: "/orders/[id]",
      handlers: {
        GET: (_request, { id }) => {
          calls.push(`GET ${id}`);
          return new Response(`order ${id}`);
        },
      },
    },
    { path: "/orders/[id]/close", handlers: { PUT: () => new Response(null, { status: 204 }) } },
    {
      path: "/[...rest]",
      handlers: { POST: (_request, { rest }) => Response.json({ unknown: rest }, { status: 404 }) },
    },
  ];
  const send = (method: string, path: string) =>
    dispatch(routes, new Request(`http://emulator.test${path}`, { method }), segments(path));

  it("hands the request and the params to the first matching pattern's handler", async () => {
    const answer = await send("GET", "/orders/o1");
    expect(answer?.status).toBe(200);
    expect(await answer?.text()).toBe("order o1");
    expect((await send("PUT", "/orders/o1/close"))?.status).toBe(204);
  });

  it("a method the matching pattern lacks is a 405 (not the next pattern's)", async () => {
    expect((await send("POST", "/orders/o1"))?.status).toBe(405);
  });

  it("HEAD is the GET; OPTIONS without a handler is a 204 listing the methods", async () => {
    calls.length = 0;
    expect((await send("HEAD", "/orders/o2"))?.status).toBe(200);
    expect(calls).toEqual(["GET o2"]);
    const options = await send("OPTIONS", "/orders/o2");
    expect(options?.status).toBe(204);
    expect(options?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(allowedMethods(routes[1])).toEqual(["OPTIONS", "PUT"]);
  });

  it("a later catch-all takes what no earlier pattern matched; no match at all is undefined", async () => {
    const answer = await send("POST", "/nothing/here");
    expect(answer?.status).toBe(404);
    expect(await answer?.json()).toEqual({ unknown: "nothing/here" });
    expect(await dispatch(routes.slice(0, 2), new Request("http://emulator.test/x"), ["x"])).toBeUndefined();
  });
});
