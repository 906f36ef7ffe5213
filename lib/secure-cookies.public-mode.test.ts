// Public mode over https: every cookie the shop sets is `Secure`, decided from APP_URL
// (https://shop.example.test) although the request reaches the server as plain http on loopback,
// as it does behind a TLS-terminating proxy.
import { describe, expect, it } from "vitest";
import { actionId, createTestUser, csrfOverHttp, postAction, postCredentials } from "@/lib/testing/web-fixtures";

/** The `Set-Cookie` line of cookie `name` in an answer. */
function setCookie(answer: Response, name: string): string {
  const line = answer.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  expect(line, `a ${name} cookie among ${answer.headers.getSetCookie().join(" | ")}`).toBeDefined();
  return line!;
}

const isSecure = (line: string) => line.split(";").some((attribute) => attribute.trim().toLowerCase() === "secure");

describe("cookies of an https deployment served as http behind its proxy", () => {
  it("Auth.js's session and CSRF cookies are Secure (and __Secure-/__Host- prefixed)", async () => {
    const account = createTestUser();
    const csrf = await csrfOverHttp();
    const { answer } = await postCredentials(account, csrf);
    expect(isSecure(setCookie(answer, "__Secure-authjs.session-token"))).toBe(true);
    const csrfAnswer = await fetch(`${process.env.TEST_SERVER_URL}/api/auth/csrf`);
    expect(isSecure(setCookie(csrfAnswer, "__Host-authjs.csrf-token"))).toBe(true);
  });

  // Posted from the loopback origin the server is reached on (Next compares Origin with the Host it sees).
  it("the shop's own cookies (currency, cart) are Secure", async () => {
    const currency = await postAction({ page: "/", id: actionId("app/actions/session.ts", "changeCurrency"), fields: { currency: "EUR" } });
    expect(isSecure(setCookie(currency, "currency"))).toBe(true);
    const cart = await postAction({
      page: "/products/merino-beanie",
      id: actionId("app/(shop)/cart/actions.ts", "addToCart"),
      fields: { productId: "prd_merino-beanie", quantity: "1" },
      withState: true,
    });
    expect(isSecure(setCookie(cart, "cart"))).toBe(true);
  });
});
