import { describe, expect, it } from "vitest";
import { isAcknowledged } from "./outbox";

const ANTOM_ACK = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

describe("outbox acknowledgement rules", () => {
  it("any_2xx (the default): every 2xx acknowledges, whatever the body", () => {
    expect(isAcknowledged("any_2xx", 200, "")).toBe(true);
    expect(isAcknowledged("any_2xx", 204, undefined)).toBe(true);
    expect(isAcknowledged("any_2xx", 299, "not json")).toBe(true);
    expect(isAcknowledged("any_2xx", 301, "")).toBe(false);
    expect(isAcknowledged("any_2xx", 500, ANTOM_ACK)).toBe(false);
    expect(isAcknowledged("any_2xx", null, undefined)).toBe(false);
  });

  it("antom_result_s: a 2xx whose JSON body has result.resultCode SUCCESS and result.resultStatus S", () => {
    expect(isAcknowledged("antom_result_s", 200, ANTOM_ACK)).toBe(true);
    expect(isAcknowledged("antom_result_s", 200, "{}")).toBe(false);
    expect(isAcknowledged("antom_result_s", 200, "")).toBe(false);
    expect(isAcknowledged("antom_result_s", 200, "ok")).toBe(false);
    expect(isAcknowledged("antom_result_s", 200, '{"result":{"resultStatus":"F"}}')).toBe(false);
    expect(isAcknowledged("antom_result_s", 200, '{"result":"S"}')).toBe(false);
    // resultStatus S alone is not the documented ack: the resultCode must be SUCCESS too.
    expect(isAcknowledged("antom_result_s", 200, '{"result":{"resultStatus":"S"}}')).toBe(false);
    expect(
      isAcknowledged(
        "antom_result_s",
        200,
        '{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"S","resultMessage":"success"}}',
      ),
    ).toBe(false);
    expect(isAcknowledged("antom_result_s", 200, '{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}')).toBe(true);
    expect(isAcknowledged("antom_result_s", 500, ANTOM_ACK)).toBe(false);
    expect(isAcknowledged("antom_result_s", null, undefined)).toBe(false);
  });

  it("lesspay_success_text: a 2xx whose body, trimmed, is exactly SUCCESS", () => {
    expect(isAcknowledged("lesspay_success_text", 200, "SUCCESS")).toBe(true);
    expect(isAcknowledged("lesspay_success_text", 200, " SUCCESS\n")).toBe(true);
    expect(isAcknowledged("lesspay_success_text", 200, "success")).toBe(false);
    expect(isAcknowledged("lesspay_success_text", 200, "OK")).toBe(false);
    expect(isAcknowledged("lesspay_success_text", 200, '"SUCCESS"')).toBe(false);
    expect(isAcknowledged("lesspay_success_text", 200, "")).toBe(false);
    expect(isAcknowledged("lesspay_success_text", 500, "SUCCESS")).toBe(false);
    expect(isAcknowledged("lesspay_success_text", null, undefined)).toBe(false);
  });
});
