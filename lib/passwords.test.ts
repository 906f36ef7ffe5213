import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, PASSWORD_HASH_COST, passwordMatches } from "./passwords";

describe("passwords", () => {
  it("checks unknown emails against a dummy hash of the stored hashes' cost (equal work)", () => {
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(PASSWORD_HASH_COST);
    expect(bcrypt.getRounds(hashPassword("shopper-demo"))).toBe(PASSWORD_HASH_COST);
  });

  it("never matches without an account, and matches the right password with one", async () => {
    expect(await passwordMatches("anything", undefined)).toBe(false);
    const stored = hashPassword("correct-horse-battery");
    expect(await passwordMatches("correct-horse-battery", stored)).toBe(true);
    expect(await passwordMatches("wrong", stored)).toBe(false);
  });
});
