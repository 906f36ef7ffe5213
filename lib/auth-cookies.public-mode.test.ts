// Public mode over https: Auth.js's cookies are `Secure`, decided from APP_URL
// (https://shop.example.test) although the request reaches the server as plain http on loopback,
// as it does behind a TLS-terminating proxy (the shop's own cookies: https-deployment.public-mode.test.ts).
import { describe, expect, it } from "vitest";
import { createTestUser, csrfOverHttp, postCredentials, serverUrl } from "@/lib/testing/web-fixtures";

/** The `Set-Cookie` line of cookie `name` in an answer. */
function setCookie(answer: Response, name: string): string {
  const names = answer.headers.getSetCookie().map((line) => line.split("=")[0]);
  const line = answer.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  expect(line, `a ${name} cookie among ${names.join(", ")}`).toBeDefined();
  return line!;
}

const isSecure = (line: string) => line.split(";").some((attribute) => attribute.trim().toLowerCase() === "secure");

describe("Auth.js's cookies of an https deployment served as http behind its proxy", () => {
  it("the session and CSRF cookies are Secure (and __Secure-/__Host- prefixed)", async () => {
    const csrfAnswer = await fetch(`${serverUrl()}/api/auth/csrf`);
    expect(isSecure(setCookie(csrfAnswer, "__Host-authjs.csrf-token"))).toBe(true);
    const { answer } = await postCredentials(await createTestUser(), await csrfOverHttp());
    expect(isSecure(setCookie(answer, "__Secure-authjs.session-token"))).toBe(true);
  });
});
