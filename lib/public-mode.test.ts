import { describe, expect, it } from "vitest";
import { appUrlOf, isLoopbackHost, isPublicAppUrl, isPublicMode } from "./public-mode";

describe("public mode", () => {
  it("is off for loopback addresses", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1:3101",
      "http://[::1]:3000",
      "http://shop.localhost",
      "http://127.8.9.10",
    ]) {
      expect(isPublicAppUrl(url), url).toBe(false);
    }
  });

  it("is on for any other address, and for an unreadable one", () => {
    for (const url of [
      "https://shop.example.test",
      "http://0.0.0.0:3000",
      "http://192.168.1.10:3000",
      "http://localhost.evil.example",
      "http://127.0.0.1.nip.io",
      "not a url",
    ]) {
      expect(isPublicAppUrl(url), url).toBe(true);
    }
  });

  it("follows APP_URL, and an unset APP_URL is the local default", () => {
    expect(isPublicMode({})).toBe(false);
    expect(isPublicMode({ APP_URL: "https://shop.example.test" })).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
  });

  it("reads the shop's address the same for the shop and the emulators: APP_URL without its trailing slash, else localhost on PORT", () => {
    expect(appUrlOf({ APP_URL: " https://shop.example.test/ " })).toBe("https://shop.example.test");
    expect(appUrlOf({ PORT: "3401" })).toBe("http://localhost:3401");
    expect(appUrlOf({})).toBe("http://localhost:3000");
  });
});
