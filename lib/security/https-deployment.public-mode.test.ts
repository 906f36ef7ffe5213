// A deployment reached over https (APP_URL https://shop.example.test, the TLS ended by a proxy in
// front): browsers are told to keep to https, and the shop's cookies never travel over http.
import { describe, expect, it } from "vitest";
import { PUBLIC_APP_URL } from "@/lib/testing/public-mode";
import { actionId, postAction, serverUrl } from "@/lib/testing/web-fixtures";

describe("an https deployment", () => {
  it("sends Strict-Transport-Security with its pages and refusals", async () => {
    for (const path of ["/", "/cart", "/emulators"]) {
      const answer = await fetch(`${serverUrl()}${path}`, { redirect: "manual" });
      expect(answer.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d{7,}/);
    }
    const refused = await fetch(`${serverUrl()}/%E0%A4%A`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });

  it("marks the cart cookie Secure", async () => {
    const answer = await postAction({
      page: "/",
      id: actionId("app/(shop)/cart/actions.ts", "addToCart"),
      fields: { productId: "prd_merino-beanie", quantity: "1" },
      withState: true,
    });
    const cart = answer.headers.getSetCookie().find((cookie) => cookie.startsWith("cart="));
    expect(cart).toBeDefined();
    expect(cart).toMatch(/;\s*Secure/i);
  });
});

describe("a proxy that rewrites Host without being trusted", () => {
  it("gets a 403 that names TRUSTED_PROXIES for a form posted from APP_URL's origin, not a 500", async () => {
    const answer = await postAction({
      page: "/",
      id: actionId("app/(shop)/cart/actions.ts", "addToCart"),
      fields: { productId: "prd_merino-beanie", quantity: "1" },
      withState: true,
      origin: PUBLIC_APP_URL,
    });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toMatch(/TRUSTED_PROXIES/);
  });
});
