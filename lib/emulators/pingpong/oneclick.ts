import { createHash, randomBytes } from "node:crypto";
import { enqueueNotification } from "../outbox";
import type { PingpongWalletAuthRow, PingpongWalletTokenRow } from "./schema";
import { missing, newId, notificationUrlError, objectOf, registeredUrlError, text } from "./api";
import { BASE_PATH, CODES, isWalletType, ONECLICK_RETRY_SECONDS, pingpongMerchant, WALLET_TYPES } from "./config";
import {
  answer,
  invalid,
  notificationBody,
  PINGPONG_NOTIFICATION_SIGNER,
  readEnvelope,
  type Merchant,
} from "./envelope";
import {
  findBindByRequest,
  findWalletAuth,
  findWalletToken,
  insertWalletAuth,
  insertWalletToken,
  issueAuthCode,
  moveWalletToken,
  redeemAuthCode,
  signingTokens,
} from "./store";

/**
 * PingPongCheckout one-click (CodeGrant) wallets [seed 001 + doc]: signing (/v4/paymethod/bind,
 * then the wallet's signing page), unbinding by the merchant (/v4/paymethod/unbind, path a guess)
 * or in the wallet app, SIGN / UNBIND notifications, and the legacy authorization flow the seed
 * marks for removal (/v4/paymethod/auth, the auth page's one-time code, /v4/paymethod/authorize,
 * /v4/paymethod/cancelAuthorization; paths guessed). Paying with a token is unifiedPay's (api.ts).
 */

type Biz = Record<string, unknown>;

function newToken(): string {
  return randomBytes(32).toString("hex");
}

/** The merchant a notification's envelope names (the outbox signs it at each attempt, with the salt of that moment). */
function merchantOf(row: { accId: string; clientId: string }): Pick<Merchant, "accId" | "clientId"> {
  return { accId: row.accId, clientId: row.clientId };
}

/** The signing's id in its authUrl: derived from the token, so the shopper's URL never carries the token. */
export function signingIdOf(token: string): string {
  return createHash("sha256").update(`signing:${token}`).digest("hex").slice(0, 32);
}

/** The pending signing an authUrl names (undefined for an unknown id). */
async function findSigning(signingId: string): Promise<PingpongWalletTokenRow | undefined> {
  return (await signingTokens()).find((row) => signingIdOf(row.token) === signingId);
}

export function signUrl(origin: string, token: string): string {
  return `${origin}${BASE_PATH}/wallet/sign/${signingIdOf(token)}`;
}

export function walletAppPath(token: string): string {
  return `${BASE_PATH}/wallet/app/${token}`;
}

// ---------------------------------------------------------------------------------------------
// Notifications

type NotifyType = "SIGN" | "UNBIND";

/** Posts a SIGN or UNBIND notification to the token's notificationUrl (none when it has none). */
async function notifyToken(
  row: PingpongWalletTokenRow,
  notifyType: NotifyType,
  status: "SUCCESS" | "FAILED",
): Promise<void> {
  if (!row.notificationUrl) return;
  const result = notifyType === "SIGN" && status === "FAILED" ? CODES.signingDeclined : CODES.success;
  const bizContent: Biz = {
    notifyType,
    requestId: row.requestId,
    merchantUserId: row.merchantUserId,
    token: row.token,
    paymentMethod: { type: row.walletType },
    status,
  };
  if (notifyType === "UNBIND" && row.unbindSource) bizContent.unbindSource = row.unbindSource;
  await enqueueNotification({
    provider: "pingpong",
    type: notifyType,
    subject: `token ${row.token.slice(0, 12)}… ${notifyType}`,
    targetUrl: row.notificationUrl,
    body: notificationBody(merchantOf(row), result, bizContent),
    signer: PINGPONG_NOTIFICATION_SIGNER,
    // [doc: seed 001] retried twice on an abnormal answer, then given up.
    retrySchedule: ONECLICK_RETRY_SECONDS,
  });
}

// ---------------------------------------------------------------------------------------------
// Field checks shared by bind and the legacy auth

interface WalletRequest {
  requestId: string;
  merchantUserId: string;
  walletType: string;
  merchantResultUrl: string;
  notificationUrl: string | null;
  orderTerminal: string | null;
}

function readWalletRequest(merchant: Merchant, biz: Biz, requireNotificationUrl: boolean): WalletRequest | Response {
  const absent = missing(biz, [
    "requestId",
    "merchantUserId",
    "paymentMethod",
    "merchantResultUrl",
    ...(requireNotificationUrl ? ["notificationUrl"] : []),
    "bizType",
  ]);
  if (absent) return invalid(merchant, absent);
  const requestId = text(biz, "requestId")!;
  const merchantUserId = text(biz, "merchantUserId")!;
  if (requestId.length > 64) return invalid(merchant, "bizContent.requestId is longer than 64 characters");
  if (merchantUserId.length > 64) return invalid(merchant, "bizContent.merchantUserId is longer than 64 characters");
  if (text(biz, "bizType") !== "CodeGrant") return invalid(merchant, 'bizContent.bizType must be "CodeGrant"');
  const paymentMethod = objectOf(biz.paymentMethod);
  const walletType = paymentMethod && typeof paymentMethod.type === "string" ? paymentMethod.type : "";
  if (!walletType) return invalid(merchant, "bizContent.paymentMethod.type is required");
  if (!isWalletType(walletType))
    return invalid(
      merchant,
      `bizContent.paymentMethod.type ${walletType} is not a one-click wallet (${WALLET_TYPES.join(", ")})`,
    );
  const badUrl =
    registeredUrlError(biz.merchantResultUrl, "merchantResultUrl") ??
    notificationUrlError(biz.notificationUrl, "notificationUrl");
  if (badUrl) return invalid(merchant, badUrl);
  const device = objectOf(biz.device);
  const orderTerminal =
    device && (typeof device.orderTerminal === "string" || typeof device.orderTerminal === "number")
      ? String(device.orderTerminal)
      : null;
  return {
    requestId,
    merchantUserId,
    walletType,
    merchantResultUrl: String(biz.merchantResultUrl),
    notificationUrl: typeof biz.notificationUrl === "string" && biz.notificationUrl ? biz.notificationUrl : null,
    orderTerminal,
  };
}

// ---------------------------------------------------------------------------------------------
// Signing: bind

/**
 * The bind answer [doc: PROVIDERS.md §1 One-click, bizContent{token (O), authUrl (O)}]: the
 * authUrl only. The token is optional there and arrives with the signing notification (seed 001),
 * so the emulator leaves it out of the answer and keeps it out of the shopper's authUrl.
 */
function bindView(row: PingpongWalletTokenRow, origin: string): Biz {
  return { authUrl: signUrl(origin, row.token) };
}

/** POST /v4/paymethod/bind: a PENDING token and the wallet's signing page (authUrl). */
export async function bind(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const origin = new URL(request.url).origin;
  const fields = readWalletRequest(merchant, biz, true);
  if (fields instanceof Response) return fields;
  // A repeated requestId answers the token it created (changing nothing).
  const existing = await findBindByRequest(merchant.accId, fields.requestId);
  if (existing) return answer(merchant, CODES.success, bindView(existing, origin));
  const row = await insertWalletToken({
    token: newToken(),
    flow: "sign",
    accId: merchant.accId,
    clientId: merchant.clientId,
    ...fields,
    status: "PENDING",
  });
  return answer(merchant, CODES.success, bindView(row, origin));
}

// ---------------------------------------------------------------------------------------------
// Unbinding by the merchant: unbind, and the legacy cancelAuthorization

async function revokeByMerchant(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const absent = missing(biz, ["requestId", "merchantUserId", "token"]);
  if (absent) return invalid(merchant, absent);
  const token = text(biz, "token")!;
  const merchantUserId = text(biz, "merchantUserId")!;
  const found = await findWalletToken(token);
  if (!found || found.accId !== merchant.accId || found.merchantUserId !== merchantUserId)
    return answer(merchant, CODES.tokenNotFound);
  const revoked = await moveWalletToken(token, ["ACTIVE"], "REVOKED", { unbindSource: "MERCHANT" });
  if (!revoked) return answer(merchant, CODES.tokenNotFound);
  await notifyToken(revoked, "UNBIND", "SUCCESS");
  return answer(merchant, CODES.success, {
    token: revoked.token,
    merchantUserId: revoked.merchantUserId,
    status: "SUCCESS",
  });
}

/** POST /v4/paymethod/unbind (path not published). */
export const unbind = (request: Request) => revokeByMerchant(request);

/** POST /v4/paymethod/cancelAuthorization (legacy, deprecated; path a guess). */
export const cancelAuthorization = (request: Request) => revokeByMerchant(request);

// ---------------------------------------------------------------------------------------------
// Legacy authorization (deprecated in seed 001): auth, the auth page, authorize

/** POST /v4/paymethod/auth (legacy): the wallet's authorization link. */
export async function auth(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const origin = new URL(request.url).origin;
  const fields = readWalletRequest(merchant, biz, false);
  if (fields instanceof Response) return fields;
  const row = await insertWalletAuth({
    authId: newId(),
    accId: merchant.accId,
    clientId: merchant.clientId,
    requestId: fields.requestId,
    merchantUserId: fields.merchantUserId,
    walletType: fields.walletType,
    merchantResultUrl: fields.merchantResultUrl,
    notificationUrl: fields.notificationUrl,
    status: "PENDING",
  });
  return answer(merchant, CODES.success, {
    requestId: row.requestId,
    merchantUserId: row.merchantUserId,
    paymentMethod: { type: row.walletType },
    authUrl: `${origin}${BASE_PATH}/wallet/auth/${row.authId}`,
  });
}

/** POST /v4/paymethod/authorize (legacy): a one-time code for an ACTIVE token; 300003 for a code unknown or used. */
export async function authorize(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const absent = missing(biz, ["requestId", "merchantUserId", "code"]);
  if (absent) return invalid(merchant, absent);
  const created = await redeemAuthCode(merchant.accId, text(biz, "merchantUserId")!, text(biz, "code")!, (found) => ({
    token: newToken(),
    flow: "auth",
    accId: found.accId,
    clientId: found.clientId,
    requestId: found.requestId,
    merchantUserId: found.merchantUserId,
    walletType: found.walletType,
    merchantResultUrl: found.merchantResultUrl,
    notificationUrl: found.notificationUrl,
    status: "ACTIVE",
  }));
  if (!created) return answer(merchant, CODES.codeInvalid);
  // Seed 001: a successful authorization is notified too (when the auth call gave a notificationUrl).
  await notifyToken(created, "SIGN", "SUCCESS");
  return answer(merchant, CODES.success, {
    token: created.token,
    merchantUserId: created.merchantUserId,
    paymentMethod: { type: created.walletType },
    status: "SUCCESS",
  });
}

// ---------------------------------------------------------------------------------------------
// The wallet's pages: signing, legacy authorization, the app's linked merchants

export type WalletStep = { redirect: string } | { notFound: true };

/** The signing page's answer: Agree (ACTIVE, SIGN SUCCESS) or Decline (DECLINED, SIGN FAILED 300002). */
export async function answerSigning(signingId: string, agree: boolean): Promise<WalletStep> {
  const found = await findSigning(signingId);
  if (!found) return { notFound: true };
  const moved = await moveWalletToken(found.token, ["PENDING"], agree ? "ACTIVE" : "DECLINED");
  if (moved) await notifyToken(moved, "SIGN", agree ? "SUCCESS" : "FAILED");
  return { redirect: found.merchantResultUrl };
}

/** The wallet app's "Unlink": REVOKED, UNBIND notification (unbindSource WALLET), back to the app page. */
export async function unlinkInWallet(token: string): Promise<WalletStep> {
  const found = await findWalletToken(token);
  if (!found) return { notFound: true };
  const revoked = await moveWalletToken(token, ["ACTIVE"], "REVOKED", { unbindSource: "WALLET" });
  if (revoked) await notifyToken(revoked, "UNBIND", "SUCCESS");
  return { redirect: walletAppPath(token) };
}

/** The merchantResultUrl with `code` appended (`&` when it already has a query). */
export function withCode(url: string, code: string): string {
  const [beforeHash, hash] = url.split("#", 2);
  const separator = beforeHash.includes("?") ? (beforeHash.endsWith("?") || beforeHash.endsWith("&") ? "" : "&") : "?";
  return `${beforeHash}${separator}code=${encodeURIComponent(code)}${hash === undefined ? "" : `#${hash}`}`;
}

/** The legacy auth page's "Authorize": a one-time code, appended to merchantResultUrl. */
export async function authorizeInWallet(authId: string): Promise<WalletStep> {
  const found = await findWalletAuth(authId);
  if (!found) return { notFound: true };
  const issued = await issueAuthCode(authId, randomBytes(16).toString("hex"));
  if (!issued) return { redirect: `${BASE_PATH}/wallet/auth/${authId}` };
  return { redirect: withCode(issued.merchantResultUrl, issued.code!) };
}

export function stepResponse(request: Request, step: WalletStep): Response {
  if ("notFound" in step) return new Response("Unknown token or authorization", { status: 404 });
  return new Response(null, { status: 303, headers: { location: new URL(step.redirect, request.url).toString() } });
}

export interface WalletTokenView {
  token: string;
  walletType: string;
  merchantName: string;
  merchantUserId: string;
  status: PingpongWalletTokenRow["status"];
  flow: PingpongWalletTokenRow["flow"];
  unbindSource: PingpongWalletTokenRow["unbindSource"];
  merchantResultUrl: string;
}

export async function walletTokenView(token: string): Promise<WalletTokenView | undefined> {
  const found = await findWalletToken(token);
  if (!found) return undefined;
  return {
    token: found.token,
    walletType: found.walletType,
    merchantName: pingpongMerchant().merchantName,
    merchantUserId: found.merchantUserId,
    status: found.status,
    flow: found.flow,
    unbindSource: found.unbindSource,
    merchantResultUrl: found.merchantResultUrl,
  };
}

/** What the signing page shows (no token: the page is the shopper's). */
export async function signingView(signingId: string) {
  const found = await findSigning(signingId);
  if (!found) return undefined;
  return {
    signingId,
    walletType: found.walletType,
    merchantName: pingpongMerchant().merchantName,
    status: found.status,
    merchantResultUrl: found.merchantResultUrl,
  };
}

export async function walletAuthView(
  authId: string,
): Promise<
  | (Pick<PingpongWalletAuthRow, "authId" | "walletType" | "status" | "merchantResultUrl"> & { merchantName: string })
  | undefined
> {
  const found = await findWalletAuth(authId);
  if (!found) return undefined;
  return {
    authId: found.authId,
    walletType: found.walletType,
    status: found.status,
    merchantResultUrl: found.merchantResultUrl,
    merchantName: pingpongMerchant().merchantName,
  };
}
