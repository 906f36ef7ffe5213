import "server-only";
import { randomUUID } from "node:crypto";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { envelope, parseBizContent } from "./schemas";
import { pingPongSign, pingPongSignatureValid } from "./signature";
import { PINGPONG_SECRET_FIELDS } from "./settings";

export interface PingPongCredentials {
  baseUrl: string;
  accId: string;
  clientId: string;
  salt: string;
}

export interface PingPongAnswer {
  code: string;
  description: string;
  biz: unknown;
  call: ApiCallRecord;
}

/**
 * HTTP client for PingPongCheckout v4: signs each request envelope with the merchant's salt and
 * believes an answer only when its own sign verifies.
 */
export class PingPongClient {
  constructor(private readonly credentials: PingPongCredentials) {}

  static newRequestId(prefix: string): string {
    return `${prefix}-${randomUUID()}`;
  }

  async post(path: string, biz: Record<string, unknown>): Promise<PingPongAnswer> {
    const { accId, clientId, salt, baseUrl } = this.credentials;
    const bizContent = JSON.stringify(biz);
    if (/[<>]/.test(bizContent))
      throw new ProviderError("PingPong refuses requests containing < or >: remove them from the order details");
    const unsigned = { accId, clientId, signType: "SHA256", version: "1.0", bizContent };
    const body = JSON.stringify({ ...unsigned, sign: pingPongSign(unsigned, salt) });
    const answer = await sendProviderRequest({
      secretFields: PINGPONG_SECRET_FIELDS,
      method: "POST",
      url: `${baseUrl}${path}`,
      headers: { "content-type": "application/json", accept: "application/json" },
      body,
      logBody: { ...unsigned, bizContent: biz },
    });
    if (answer.unreadable) throw unknownAnswer(`PingPong ${path}: ${describeAnswer(answer)}`, [answer.call]);
    if (answer.status < 200 || answer.status >= 300) {
      throw new ProviderError(`PingPong ${path} answered ${describeAnswer(answer)}`, [answer.call]);
    }
    const parsed = envelope.safeParse(answer.json);
    if (!parsed.success) throw unknownAnswer(`PingPong ${path} answered an unexpected shape`, [answer.call]);
    const reply = parsed.data;
    if (!reply.sign) {
      throw new ProviderError(
        `PingPong ${path} refused the request: ${reply.code ?? "?"} ${reply.description ?? ""}`.trim(),
        [answer.call],
        "provider_refused",
      );
    }
    if (!pingPongSignatureValid(reply as Record<string, unknown>, salt)) {
      // Not believed either way: whether PingPong acted is for an inquiry to tell.
      throw new ProviderError(
        `PingPong ${path} answered with a sign that does not verify`,
        [answer.call],
        "bad_signature",
        { outcomeUnknown: true },
      );
    }
    return {
      code: reply.code ?? "",
      description: reply.description ?? "",
      biz: parseBizContent(reply.bizContent),
      call: answer.call,
    };
  }
}
