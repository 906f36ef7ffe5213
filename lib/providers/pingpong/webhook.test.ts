import { describe, expect, it } from "vitest";
import { ofKind } from "@/lib/testing/verified-notifications";
import { NotificationRejected } from "@/lib/payments/types";
import { pingPongSign } from "./signature";
import { verifyPingPongNotification } from "./webhook";

const credentials = { accId: "acc-1", clientId: "client-1", salt: "webhook-salt" };

/** A notification signed with our salt, bizContent as the JSON string PingPong sends. */
function signed(bizContent: unknown) {
  const fields = {
    accId: credentials.accId,
    clientId: credentials.clientId,
    code: "000000",
    description: "Success",
    signType: "SHA256",
    version: "1.0",
    bizContent: JSON.stringify(bizContent),
  };
  return { body: JSON.stringify({ ...fields, sign: pingPongSign(fields, credentials.salt) }), headers: new Headers() };
}

describe("PingPong's signing notification, read tolerantly (its body is not published)", () => {
  it("names the binding by the token alone", () => {
    const read = ofKind(
      verifyPingPongNotification(signed({ token: "tok-1", status: "SUCCESS" }), credentials),
      "wallet-binding",
    );
    expect(read.binding).toEqual({
      token: "tok-1",
      bindingRef: undefined,
      merchantUserId: undefined,
      event: "activated",
      source: undefined,
    });
  });

  it("names the binding by the bind's requestId when no token comes", () => {
    const read = ofKind(
      verifyPingPongNotification(
        signed({ notifyType: "SIGN", requestId: "bind-1", merchantUserId: "u1", status: "FAILED" }),
        credentials,
      ),
      "wallet-binding",
    );
    expect(read.binding).toMatchObject({ bindingRef: "bind-1", merchantUserId: "u1", event: "declined" });
    expect(read.binding.token).toBeUndefined();
  });

  it("reads an unbinding with its source", () => {
    const read = ofKind(
      verifyPingPongNotification(
        signed({
          notifyType: "UNBIND",
          token: "tok-2",
          merchantUserId: "u1",
          status: "SUCCESS",
          unbindSource: "WALLET",
        }),
        credentials,
      ),
      "wallet-binding",
    );
    expect(read.binding).toMatchObject({ token: "tok-2", event: "revoked", source: "WALLET" });
    expect(read.summary).toBe("PingPong wallet unlinked (wallet)");
  });

  it("answers a verified body of an unknown shape as unrecognized (200, nothing written), never a 400", () => {
    for (const body of [
      { hello: "x" },
      { token: "tok-3" },
      { requestId: "bind-2", status: "MAYBE" },
      "not an object",
    ]) {
      const read = verifyPingPongNotification(signed(body), credentials);
      expect(read.kind, JSON.stringify(body)).toBe("unrecognized");
      expect(read).not.toHaveProperty("binding");
    }
  });

  it("still refuses a payment notification that does not read (PingPong retries it), and an unverified one", () => {
    expect(() => verifyPingPongNotification(signed({ transactionId: "t1", status: "NOPE" }), credentials)).toThrow(
      NotificationRejected,
    );
    const forged = JSON.parse(signed({ token: "tok-1", status: "SUCCESS" }).body) as Record<string, unknown>;
    forged.sign = "0".repeat(64);
    expect(() =>
      verifyPingPongNotification({ body: JSON.stringify(forged), headers: new Headers() }, credentials),
    ).toThrow(/sign does not verify/);
  });
});
