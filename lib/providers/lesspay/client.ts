import "server-only";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { lesspaySign } from "./signature";
import { LESSPAY_SECRET_FIELDS } from "./settings";

export interface LesspayCredentials {
  baseUrl: string;
  appId: string;
  appSecret: string;
}

/** HTTP client for the Lesspay 2.0 gateway: each body signed into `x-auth-signature`. */
export class LesspayClient {
  constructor(private readonly credentials: LesspayCredentials) {}

  async post(
    path: "/api/global/v1/pay/create-order" | "/api/global/v1/pay/query-order",
    payload: Record<string, unknown>,
  ): Promise<{ json: unknown; call: ApiCallRecord }> {
    const { baseUrl, appId, appSecret } = this.credentials;
    const answer = await sendProviderRequest({
      secretFields: LESSPAY_SECRET_FIELDS,
      method: "POST",
      url: `${baseUrl}${path}`,
      headers: {
        "content-type": "application/json",
        "x-auth-appid": appId,
        "X-Auth-Timestamp": String(Date.now()),
        "x-auth-signature": lesspaySign(payload, appSecret),
      },
      body: JSON.stringify(payload),
      logBody: payload,
    });
    if (answer.status === 401)
      throw new ProviderError(
        `Lesspay refused our signature on ${path} (HTTP 401): check LESSPAY_APP_ID and LESSPAY_APP_SECRET`,
        [answer.call],
        "bad_signature",
      );
    if (answer.unreadable) throw unknownAnswer(`Lesspay ${path}: ${describeAnswer(answer)}`, [answer.call]);
    if (answer.status !== 200)
      throw new ProviderError(`Lesspay ${path} answered ${describeAnswer(answer)}`, [answer.call]);
    return { json: answer.json, call: answer.call };
  }
}
