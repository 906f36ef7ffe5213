import { describe, expect, it } from "vitest";
import { isAcknowledged } from "../outbox";
import { LESSPAY_ACKNOWLEDGEMENT } from "./config";

describe("Lesspay's acknowledgement rule", () => {
  it("lesspay_success_text: a 2xx whose body, trimmed, is exactly SUCCESS", () => {
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, "SUCCESS")).toBe(true);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, " SUCCESS\n")).toBe(true);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, "success")).toBe(false);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, "OK")).toBe(false);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, '"SUCCESS"')).toBe(false);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 200, "")).toBe(false);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, 500, "SUCCESS")).toBe(false);
    expect(isAcknowledged(LESSPAY_ACKNOWLEDGEMENT, null, undefined)).toBe(false);
  });
});
