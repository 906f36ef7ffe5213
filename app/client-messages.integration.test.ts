// @module-tag shop
import { describe, expect, it } from "vitest";
import { createEmulatorPayment, serverUrl } from "@/lib/testing/pingpayments-fixtures";

// The root layout sends a page's browser code only its own part of the catalogue (i18n/catalogues.ts,
// CLIENT_AREAS): a shop page not the hosted pages' words, a provider's hosted page not the shop's.
// Namespaces show up by name in the page's serialized messages.
const SHOP_ONLY = "CheckoutCard";
const HOSTED_ONLY = "HostedCardForm";

async function html(url: string): Promise<string> {
  const answer = await fetch(url, { headers: { "accept-language": "zh-CN" } });
  expect(answer.status).toBe(200);
  return answer.text();
}

describe("the messages a page's browser code is sent", () => {
  it("a shop page gets the shop's words, not the hosted pages'", async () => {
    const page = await html(`${serverUrl()}/checkout`);
    expect(page).toContain(SHOP_ONLY);
    expect(page).not.toContain(HOSTED_ONLY);
  });

  it("a hosted card page gets its own words, not the shop's", async () => {
    const { payUrl } = await createEmulatorPayment();
    const page = await html(new URL(payUrl, serverUrl()).href);
    expect(page).toContain(HOSTED_ONLY);
    expect(page).not.toContain(SHOP_ONLY);
  });
});
