import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it("reads Chinese for every way a browser names Simplified Chinese", () => {
    for (const header of ["zh-CN", "zh", "zh-Hans-CN", "zh-CN,zh;q=0.9,en;q=0.8", "zh-SG"]) {
      expect(localeFromAcceptLanguage(header), header).toBe("zh");
    }
  });

  it("honours quality values: English preferred over Chinese reads English", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.2,zh-CN;q=0.8")).toBe("zh");
  });

  it("falls back to a later language the shop speaks, then to English", () => {
    expect(localeFromAcceptLanguage("fr-FR,zh;q=0.5")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });

  it("answers English for a malformed header instead of failing the page", () => {
    expect(localeFromAcceptLanguage("*;q=0.5,@@@,;;;")).toBe("en");
    expect(localeFromAcceptLanguage("x".repeat(5000))).toBe("en");
  });
});
