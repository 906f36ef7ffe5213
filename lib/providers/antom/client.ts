import "server-only";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { antomSign, antomSignatureHeader, antomVerify, signatureFromHeader } from "./signature";
import { ANTOM_SECRET_FIELDS } from "./settings";

export interface AntomCredentials {
  baseUrl: string;
  clientId: string;
  merchantPrivateKey: string;
  antomPublicKey: string;
}

export type AntomOperation = "pay" | "capture" | "cancel" | "refund" | "inquiryPayment" | "inquiryRefund";

/**
 * HTTP client for Antom's payments API: signs each request with the merchant's RSA key and
 * believes an answer only when Antom's signature over it verifies. A client id starting with
 * SANDBOX_ calls the sandbox paths, as the official SDKs do.
 */
export class AntomClient {
  constructor(private readonly credentials: AntomCredentials) {}

  path(operation: AntomOperation): string {
    const sandbox = this.credentials.clientId.startsWith("SANDBOX_");
    return `/ams${sandbox ? "/sandbox" : ""}/api/v1/payments/${operation}`;
  }

  async post(
    operation: AntomOperation,
    payload: Record<string, unknown>,
  ): Promise<{ json: unknown; call: ApiCallRecord }> {
    const { baseUrl, clientId, merchantPrivateKey, antomPublicKey } = this.credentials;
    const path = this.path(operation);
    const body = JSON.stringify(payload);
    const requestTime = String(Date.now());
    const signature = antomSign({ path, clientId, time: requestTime, body }, merchantPrivateKey);
    const answer = await sendProviderRequest({
      secretFields: ANTOM_SECRET_FIELDS,
      method: "POST",
      url: `${baseUrl}${path}`,
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "client-id": clientId,
        "request-time": requestTime,
        signature: antomSignatureHeader(signature),
      },
      body,
      logBody: payload,
    });
    if (answer.unreadable || (answer.status === 200 && answer.json === undefined))
      throw unknownAnswer(`Antom ${operation}: ${describeAnswer(answer)}`, [answer.call]);
    if (answer.status !== 200)
      throw new ProviderError(`Antom ${operation} answered ${describeAnswer(answer)}`, [answer.call]);
    const responseTime = answer.headers.get("response-time");
    const responseSignature = signatureFromHeader(answer.headers.get("signature"));
    const signed =
      responseTime &&
      responseSignature &&
      antomVerify(
        { path, clientId: answer.headers.get("client-id") ?? clientId, time: responseTime, body: answer.text },
        responseSignature,
        antomPublicKey,
      );
    if (!signed) {
      const code = (answer.json as { result?: { resultCode?: string } } | undefined)?.result?.resultCode;
      // Not believed either way: whether Antom acted is for an inquiry to tell.
      throw new ProviderError(
        `Antom ${operation} answered without a valid signature${code ? ` (${code})` : ""}`,
        [answer.call],
        "bad_signature",
        { outcomeUnknown: true },
      );
    }
    return { json: answer.json, call: answer.call };
  }
}
