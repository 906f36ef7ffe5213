import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module (Next's config)
import nextConfig from "@/next.config.mjs";
import { actionBodyRefusal, parametersOf } from "./action-body";
import {
  hasValidPercentEncoding,
  MAX_BODY_BYTES,
  nestsDeeperThan,
  parseJson,
  readBytes,
  readForm,
  readOptionalForm,
} from "./request-body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://shop.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("nestsDeeperThan", () => {
  it("counts objects and arrays, not brackets inside strings (escaped quotes included)", () => {
    expect(nestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${"[".repeat(100)}","b":"\\"[[[[[["}`, 2)).toBe(false);
  });

  it("is one pass over 20,000 levels (no recursion to overflow)", () => {
    expect(nestsDeeperThan(`${"[".repeat(20_000)}${"]".repeat(20_000)}`)).toBe(true);
  });
});

describe("parseJson", () => {
  it("parses JSON within the depth, refuses deeper JSON and what is not JSON with 400", () => {
    expect(parseJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJson("[".repeat(65) + "]".repeat(65))).toMatchObject({
      ok: false,
      status: 400,
      error: "The JSON nests deeper than 64 levels",
    });
    expect(parseJson("{")).toMatchObject({ ok: false, status: 400, error: "The body is not valid JSON" });
  });
});

describe("readBytes", () => {
  it("refuses over the limit by Content-Length and while reading a chunked body (413)", async () => {
    expect(await readBytes(post("x".repeat(11)), 10)).toMatchObject({ ok: false, status: 413 });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(4));
        controller.close();
      },
    });
    expect(await readBytes(post(chunked), 10)).toMatchObject({ ok: false, status: 413 });
    expect(await readBytes(post("x".repeat(10)), 10)).toMatchObject({
      ok: true,
      value: new TextEncoder().encode("x".repeat(10)),
    });
  });
});

describe("readForm and readOptionalForm", () => {
  it("take forms only: 415 for other types, 400 for a form that does not parse", async () => {
    expect(await readForm(post(new URLSearchParams({ code: "123456" })))).toMatchObject({ ok: true });
    expect(await readForm(post('{"code":"1"}', { "content-type": "application/json" }))).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(await readForm(post("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=x" }))).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await readForm(post("a=1", { "content-type": "multipart/form-data" }))).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("an empty body is no refusal when the form is optional; anything else that is no form is 415", async () => {
    expect(await readOptionalForm(post(null))).toEqual({ ok: true, value: undefined });
    expect(await readOptionalForm(post("{}", { "content-type": "application/json" }))).toMatchObject({
      ok: false,
      status: 415,
    });
  });
});

describe("hasValidPercentEncoding", () => {
  it("refuses escapes that are not UTF-8", () => {
    expect(hasValidPercentEncoding("/products/caf%C3%A9")).toBe(true);
    expect(hasValidPercentEncoding("/products/%E0%A4%A")).toBe(false);
    expect(hasValidPercentEncoding("/orders/%ZZ")).toBe(false);
  });
});

describe("actionBodyRefusal (what proxy.ts refuses before Next decodes a server action)", () => {
  // "60…": an action of two parameters (state and form), as Next numbers them in its ids.
  const action = (body: BodyInit, contentType?: string, id = "60abc") =>
    post(body, { "next-action": id, ...(contentType ? { "content-type": contentType } : {}) });
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.set(name, value);
    return data;
  };

  it("lets through what React sends for a form's action: the form last, after the previous state for useActionState", async () => {
    expect(await actionBodyRefusal(action(form({ _1_email: "a@b.test", "0": '[{},"$K1"]' })))).toBeUndefined();
    expect(
      await actionBodyRefusal(action(form({ _1_email: "a@b.test", "0": '["$K1"]' }), undefined, "40abc")),
    ).toBeUndefined();
    // An action of no parameters gets none (Next's client trims them): nothing to check.
    expect(await actionBodyRefusal(action("[]", "text/plain;charset=UTF-8", "00abc"))).toBeUndefined();
  });

  it("reads how many parameters an action has from its id, as Next writes it", () => {
    expect(parametersOf("00ab")).toBe(0);
    expect(parametersOf("40ab")).toBe(1);
    expect(parametersOf("60ab")).toBe(2);
    expect(parametersOf("7e12")).toBe(6);
    expect(parametersOf("7f12")).toBeUndefined();
    expect(parametersOf("zz")).toBeUndefined();
  });

  it.each([
    [
      "broken multipart",
      action('--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]', "multipart/form-data; boundary=x"),
    ],
    ["no argument list", action(form({ _1_email: "a@b.test" }))],
    ["an argument list that is not a list", action(form({ "0": '{"a":1}' }))],
    ["a row that is not JSON", action(form({ "0": '["$K1"]', "1": "{" }))],
    [
      "an argument list without the form (the shop's actions all take one)",
      action('["x",1]', "text/plain;charset=UTF-8"),
    ],
    ["an argument list whose last argument is not the form", action(form({ _1_email: "a@b.test", "0": '["$K1",1]' }))],
    ["an empty argument list for an action that takes a form", action("[]", "text/plain;charset=UTF-8")],
    ["the state without the form", action(form({ "0": "[{}]" }))],
    ["a row nested too deep", action(form({ "0": `[${"[".repeat(100)}${"]".repeat(100)}]` }))],
    ["text that is not JSON", action("{", "text/plain")],
    ["an empty body", action("", "text/plain")],
    [
      "a no-JavaScript post with bound arguments that are not JSON",
      post(form({ $ACTION_REF_1: "", "$ACTION_1:0": "{" })),
    ],
  ])("refuses %s with 400", async (_name, request) => {
    expect(await actionBodyRefusal(request)).toMatchObject({ status: 400 });
  });

  it("refuses a body over the limit with 413", async () => {
    expect(await actionBodyRefusal(action(form({ "0": `["${"x".repeat(100)}"]` })), 50)).toMatchObject({ status: 413 });
  });

  it("uses the limit next.config.mjs gives server actions", () => {
    expect(nextConfig.experimental.serverActions.bodySizeLimit).toBe(`${MAX_BODY_BYTES / (1024 * 1024)}mb`);
  });
});
