import { describe, expect, it } from "vitest";
import { ANY_2XX, isAcknowledged } from "./outbox";

const ANTOM_ACK = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

describe("outbox acknowledgement rules", () => {
  it("any_2xx (the default): every 2xx acknowledges, whatever the body", () => {
    expect(isAcknowledged(ANY_2XX, 200, "")).toBe(true);
    expect(isAcknowledged(ANY_2XX, 204, undefined)).toBe(true);
    expect(isAcknowledged(ANY_2XX, 299, "not json")).toBe(true);
    expect(isAcknowledged(ANY_2XX, 301, "")).toBe(false);
    expect(isAcknowledged(ANY_2XX, 500, ANTOM_ACK)).toBe(false);
    expect(isAcknowledged(ANY_2XX, null, undefined)).toBe(false);
  });

  it("a rule this process does not know never acknowledges", () => {
    expect(isAcknowledged(undefined, 200, "SUCCESS")).toBe(false);
  });
});
