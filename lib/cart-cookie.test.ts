import { describe, expect, it } from "vitest";
import { decodeCart, encodeCart, MAX_QUANTITY, normalisedCart } from "./cart-cookie";

const SECRET = "a-shop-secret-of-some-length-0123456789";
const beanie = { productId: "prd_merino-beanie", quantity: 2 };

describe("the cart cookie", () => {
  it("reads back what the shop wrote", () => {
    expect(decodeCart(encodeCart([beanie], SECRET), SECRET)).toEqual([beanie]);
  });

  it("reads as an empty cart when edited, unsigned, signed with another secret or malformed", () => {
    const written = encodeCart([beanie], SECRET);
    const [payload, signature] = written.split(".");
    const forged = Buffer.from(JSON.stringify([{ productId: "prd_merino-beanie", quantity: 20 }])).toString(
      "base64url",
    );
    expect(decodeCart(`${forged}.${signature}`, SECRET)).toEqual([]);
    expect(decodeCart(JSON.stringify([beanie]), SECRET)).toEqual([]);
    expect(decodeCart(encodeCart([beanie], "another-secret-entirely-0123456789"), SECRET)).toEqual([]);
    expect(decodeCart(`${payload}.${signature}.x`, SECRET)).toEqual([]);
    expect(decodeCart(`${payload}.`, SECRET)).toEqual([]);
    expect(decodeCart(undefined, SECRET)).toEqual([]);
  });

  it("holds one line per product, within the per-line cap, however the lines were put together", () => {
    const fifty = Array.from({ length: 50 }, () => ({ productId: "prd_merino-beanie", quantity: 20 }));
    expect(normalisedCart(fifty)).toEqual([{ productId: "prd_merino-beanie", quantity: MAX_QUANTITY }]);
    expect(decodeCart(encodeCart(fifty, SECRET), SECRET)).toEqual([
      { productId: "prd_merino-beanie", quantity: MAX_QUANTITY },
    ]);
  });
});
