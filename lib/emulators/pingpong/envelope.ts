import { parseJson, readText, refusalResponse } from "@/lib/security/request-body";
import { acceptedSecrets, verifyingSecret } from "../signing-secrets";
import { corruptSignature } from "../control";
import type { NotificationSigner, Outgoing } from "../outbox";
import { CODES, pingpongMerchant, pingpongNotificationSalt, type ResultCode } from "./config";
import { verifyFields, withSign } from "./signature";

/**
 * The PingPongCheckout envelope as the emulator reads and answers it. A request is
 * `{accId, clientId, signType, sign, version: "1.0", bizContent}` (bizContent a JSON string, or an
 * object); every answer is HTTP 200 with `{accId, clientId, code, description, signType, sign,
 * bizContent?}`, signed with the merchant's salt.
 */

export interface Merchant {
  accId: string;
  clientId: string;
  salt: string;
}

export interface Envelope {
  merchant: Merchant;
  biz: Record<string, unknown>;
}

/** A signed answer (bizContent omitted when undefined). */
export function answer(
  merchant: Merchant,
  result: ResultCode | { code: string; description: string },
  bizContent?: Record<string, unknown>,
): Response {
  const fields: Record<string, unknown> = {
    accId: merchant.accId,
    clientId: merchant.clientId,
    code: result.code,
    description: result.description,
    signType: "SHA256",
  };
  if (bizContent !== undefined) fields.bizContent = JSON.stringify(bizContent);
  return Response.json(withSign(fields, merchant.salt));
}

/** An answer to a caller the emulator cannot identify: not signed. */
function unsignedAnswer(fields: { accId?: unknown; clientId?: unknown; code: string; description: string }): Response {
  const body: Record<string, unknown> = {};
  if (typeof fields.accId === "string") body.accId = fields.accId;
  if (typeof fields.clientId === "string") body.clientId = fields.clientId;
  body.code = fields.code;
  body.description = fields.description;
  return Response.json(body);
}

export function invalid(merchant: Merchant, description: string): Response {
  return answer(merchant, { code: CODES.invalidParameter.code, description });
}

function hasForbiddenCharacters(value: unknown): boolean {
  if (typeof value === "string") return /[<>]/.test(value);
  if (Array.isArray(value)) return value.some(hasForbiddenCharacters);
  if (value && typeof value === "object")
    return Object.entries(value).some(([key, inner]) => hasForbiddenCharacters(key) || hasForbiddenCharacters(inner));
  return false;
}

/**
 * Reads and checks an API request: JSON envelope (100001), known merchant (100003), XSS filter
 * (100004), envelope fields (100001), signature (100002), bizContent a JSON object (100001).
 */
export async function readEnvelope(request: Request): Promise<Envelope | Response> {
  const body = await readText(request);
  if (!body.ok) return refusalResponse(body);
  const raw = body.value;
  const json = parseJson(raw);
  if (!json.ok) return unsignedAnswer({ code: CODES.invalidParameter.code, description: json.error });
  const parsed = json.value;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    return unsignedAnswer({ code: CODES.invalidParameter.code, description: "The body is not a PingPong envelope" });
  }
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.accId !== "string" || !fields.accId) {
    return unsignedAnswer({ ...fields, code: CODES.invalidParameter.code, description: "accId is required" });
  }
  const configured = pingpongMerchant();
  if (fields.accId !== configured.accId || (fields.clientId !== undefined && fields.clientId !== configured.clientId)) {
    return unsignedAnswer({ ...fields, code: CODES.unknownMerchant.code, description: "Unknown accId or clientId" });
  }
  // Answers are signed with the current salt, or with the one the request proved it holds (../signing-secrets.ts).
  const [currentSalt] = await acceptedSecrets("pingpong", configured.salt);
  const merchant: Merchant = { accId: configured.accId, clientId: configured.clientId, salt: currentSalt };

  let bizText: string | undefined;
  let biz: unknown;
  if (typeof fields.bizContent === "string") {
    bizText = fields.bizContent;
    const inner = parseJson(bizText);
    biz = inner.ok ? inner.value : undefined;
  } else if (fields.bizContent && typeof fields.bizContent === "object" && !Array.isArray(fields.bizContent)) {
    biz = fields.bizContent;
  }
  if (/[<>]/.test(raw) || hasForbiddenCharacters(fields) || hasForbiddenCharacters(biz)) {
    return answer(merchant, CODES.forbiddenCharacters);
  }
  for (const name of ["clientId", "signType", "sign", "version", "bizContent"] as const) {
    if (fields[name] === undefined || fields[name] === null || fields[name] === "")
      return invalid(merchant, `${name} is required`);
  }
  if (fields.signType !== "SHA256" && fields.signType !== "MD5")
    return invalid(merchant, "signType must be SHA256 or MD5");
  if (fields.version !== "1.0") return invalid(merchant, 'version must be "1.0"');
  if (typeof fields.sign !== "string") return invalid(merchant, "sign must be a string");
  const salt = await verifyingSecret("pingpong", configured.salt, (secret) => verifyFields(fields, secret));
  if (salt === undefined) return answer(merchant, CODES.badSignature);
  merchant.salt = salt;
  if (!biz || typeof biz !== "object" || Array.isArray(biz)) {
    return invalid(
      merchant,
      bizText === undefined ? "bizContent must be a JSON string or object" : "bizContent is not a JSON object",
    );
  }
  return { merchant, biz: biz as Record<string, unknown> };
}

/**
 * The notification envelope, unsigned: the outbox signs it at each attempt
 * (PINGPONG_NOTIFICATION_SIGNER, the same signing as answers, plus version "1.0").
 */
export function notificationBody(
  merchant: Pick<Merchant, "accId" | "clientId">,
  result: { code: string; description: string },
  bizContent: Record<string, unknown>,
): string {
  return JSON.stringify({
    accId: merchant.accId,
    clientId: merchant.clientId,
    signType: "SHA256",
    version: "1.0",
    code: result.code,
    description: result.description,
    bizContent: JSON.stringify(bizContent),
  });
}

/** The kind of a notification envelope: its bizContent's notifyType [doc: seed 001] (PAYMENT, REFUND, SIGN, ...). */
export function notifyTypeOf(body: string): string {
  const { bizContent } = JSON.parse(body) as { bizContent: string };
  const { notifyType } = JSON.parse(bizContent) as { notifyType?: unknown };
  return typeof notifyType === "string" ? notifyType : "";
}

/** The same PingPong notification with its `sign` field corrupted (it no longer verifies). */
function withBadSign(notification: Outgoing): Outgoing {
  const fields = JSON.parse(notification.body) as Record<string, unknown>;
  fields.sign = corruptSignature(typeof fields.sign === "string" ? fields.sign : "");
  return { ...notification, body: JSON.stringify(fields) };
}

/** PingPong's notification signer, run by the outbox at each attempt: `sign` over every other field, with the salt of that moment. */
export const PINGPONG_NOTIFICATION_SIGNER: NotificationSigner = {
  name: "pingpong_sha256",
  sign: async ({ body, headers }) => {
    const fields = JSON.parse(body) as Record<string, unknown>;
    // An earlier attempt's sign is replaced (it is the one field that does not take part).
    delete fields.sign;
    return { body: JSON.stringify(withSign(fields, await pingpongNotificationSalt())), headers };
  },
  corrupt: withBadSign,
};
