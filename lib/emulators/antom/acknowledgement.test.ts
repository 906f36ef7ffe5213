import { describe, expect, it } from "vitest";
import { isAcknowledged } from "../outbox";
import { ANTOM_ACKNOWLEDGEMENT } from "./config";

const ANTOM_ACK = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

describe("Antom's acknowledgement rule", () => {
  it("antom_result_s: a 2xx whose JSON body has result.resultCode SUCCESS and result.resultStatus S", () => {
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, ANTOM_ACK)).toBe(true);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, "{}")).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, "")).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, "ok")).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, '{"result":{"resultStatus":"F"}}')).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, '{"result":"S"}')).toBe(false);
    // resultStatus S alone is not the documented ack: the resultCode must be SUCCESS too.
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, '{"result":{"resultStatus":"S"}}')).toBe(false);
    expect(
      isAcknowledged(
        ANTOM_ACKNOWLEDGEMENT,
        200,
        '{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"S","resultMessage":"success"}}',
      ),
    ).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 200, '{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}')).toBe(
      true,
    );
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, 500, ANTOM_ACK)).toBe(false);
    expect(isAcknowledged(ANTOM_ACKNOWLEDGEMENT, null, undefined)).toBe(false);
  });
});
