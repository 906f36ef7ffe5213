import { describe, expect, it } from "vitest";
import { hostedPageLocale, withHostedLanguage } from "./hosted-locale";

describe("hostedPageLocale", () => {
  it("keeps the QA control page English whatever the browser says", () => {
    expect(hostedPageLocale("/emulators", null, "zh-CN")).toBe("en");
  });

  it("follows the browser's Accept-Language on a hosted page without a documented language", () => {
    expect(hostedPageLocale("/emulators/x/cashier/1", null, "zh-CN,zh;q=0.9")).toBe("zh");
    expect(hostedPageLocale("/emulators/x/cashier/1", "", "en-US")).toBe("en");
  });

  it("honours the payment's documented language over the browser's, in the provider's spelling", () => {
    expect(hostedPageLocale("/emulators/x/3ds/1", "zh_CN", "en-US")).toBe("zh");
    expect(hostedPageLocale("/emulators/x/3ds/1", "en_US", "zh-CN")).toBe("en");
    expect(hostedPageLocale("/emulators/x/3ds/1", "zh-Hans", undefined)).toBe("zh");
    expect(hostedPageLocale("/emulators/x/3ds/1", "fr_FR", "zh-CN")).toBe("en");
  });

  it("is not about the shop's pages, the emulators' APIs or the control plane", () => {
    expect(hostedPageLocale("/checkout", "zh_CN", "zh-CN")).toBeUndefined();
    expect(hostedPageLocale("/emulators-x", null, "zh-CN")).toBeUndefined();
    expect(hostedPageLocale("/emulators/control/reset", null, "zh-CN")).toBeUndefined();
    expect(hostedPageLocale("/emulators/test-cards", null, "zh-CN")).toBeUndefined();
  });
});

describe("withHostedLanguage", () => {
  it("adds the language to a hosted page's address only when there is one", () => {
    expect(withHostedLanguage("http://h/emulators/x/3ds/1", "zh_CN")).toBe("http://h/emulators/x/3ds/1?lang=zh_CN");
    expect(withHostedLanguage("http://h/p?a=1", "en")).toBe("http://h/p?a=1&lang=en");
    expect(withHostedLanguage("http://h/p", null)).toBe("http://h/p");
  });
});
