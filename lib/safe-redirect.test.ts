import { describe, expect, it } from "vitest";
import { sameSitePath } from "./safe-redirect";

describe("sameSitePath", () => {
  it("keeps paths on this site", () => {
    expect(sameSitePath("/admin")).toBe("/admin");
    expect(sameSitePath("/checkout?storyline=qr#pay")).toBe("/checkout?storyline=qr#pay");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "",
    "admin",
    null,
    42,
  ])("refuses %s", (target) => {
    expect(sameSitePath(target)).toBe("/account");
  });
});
