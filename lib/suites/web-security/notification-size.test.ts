// @module-tag shop
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/testing/proof-drivers";
import { readRows, serverUrl } from "@/lib/testing/web-fixtures";

const ONE_MB = 1024 * 1024;

/** What a notification could write: payment and credential events, payments and bindings. */
const written = () => ({
  events: readRows("select count(*) as n from payment_events"),
  payments: readRows("select id, status, updated_at from payments order by id"),
  credentials: readRows("select id, status from stored_credentials order by id"),
});

/** A JSON body just over 1 MB, shaped like a notification. */
const oversized = () => JSON.stringify({ notifyType: "PAYMENT_RESULT", padding: "x".repeat(ONE_MB) });

describe("notification bodies over 1 MB are refused", () => {
  it.each(PROVIDERS)("%s: 413 when Content-Length says so, nothing written", async (provider) => {
    const before = written();
    const answer = await fetch(`${serverUrl()}/api/webhooks/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: oversized(),
    });
    expect(answer.status).toBe(413);
    expect(written()).toEqual(before);
  });

  it.each(PROVIDERS)("%s: 413 for a chunked body with no Content-Length, nothing written", async (provider) => {
    const before = written();
    const bytes = new TextEncoder().encode(oversized());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const answer = await fetch(`${serverUrl()}/api/webhooks/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(answer.status).toBe(413);
    expect(written()).toEqual(before);
  });

  it.each(PROVIDERS)(
    "%s: a body under the limit is read (and, unsigned, refused by its signature check instead)",
    async (provider) => {
      const answer = await fetch(`${serverUrl()}/api/webhooks/${provider}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ padding: "x".repeat(ONE_MB - 100) }),
      });
      expect(answer.status).not.toBe(413);
    },
  );
});
