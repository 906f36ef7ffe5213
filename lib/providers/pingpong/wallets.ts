import "server-only";
import { ProviderError, type ApiCallRecord, type WalletLinking } from "@/lib/payments/types";
import { PingPongClient } from "./client";
import { SUCCESS_CODE } from "./mappers";
import { bindAnswer } from "./schemas";
import { pingPongSettings } from "./settings";

/**
 * PingPong one-click (CodeGrant): a shopper signs a wallet once (`/v4/paymethod/bind` -> authUrl ->
 * signing notification with the token), then pays without being asked; either side can unbind.
 * The older authorization flow (auth link -> code -> token) is kept behind PINGPONG_LEGACY_AUTH,
 * marked deprecated as in PingPong's guide.
 */
const LINKABLE_WALLETS = ["AlipayHK", "GCash"] as const;

/** Read at call time, so the setting can change without a rebuild. */
function legacyAuthEnabled(): boolean {
  return process.env.PINGPONG_LEGACY_AUTH === "1" || process.env.PINGPONG_LEGACY_AUTH === "true";
}

function client() {
  const env = pingPongSettings();
  return new PingPongClient({
    baseUrl: env.PINGPONG_BASE_URL,
    accId: env.PINGPONG_ACC_ID,
    clientId: env.PINGPONG_CLIENT_ID,
    salt: env.PINGPONG_SALT,
  });
}

function bizOf(
  answer: { code: string; description: string; biz: unknown; call: ApiCallRecord },
  what: string,
): Record<string, unknown> {
  if (answer.code !== SUCCESS_CODE || !answer.biz || typeof answer.biz !== "object") {
    throw new ProviderError(
      `PingPong refused ${what}: ${answer.code} ${answer.description}`.trim(),
      [answer.call],
      answer.code,
    );
  }
  return answer.biz as Record<string, unknown>;
}

async function bindWallet(input: {
  merchantUserId: string;
  walletType: string;
  resultUrl: string;
  notificationUrl: string;
}) {
  const requestId = PingPongClient.newRequestId("bind");
  const answer = await client().post("/v4/paymethod/bind", {
    requestId,
    merchantUserId: input.merchantUserId,
    paymentMethod: { type: input.walletType },
    merchantResultUrl: input.resultUrl,
    notificationUrl: input.notificationUrl,
    device: { orderTerminal: "01" },
    bizType: "CodeGrant",
  });
  const read = bindAnswer.safeParse(bizOf(answer, "the wallet signing"));
  if (!read.success) throw new ProviderError("PingPong answered the signing without an authUrl", [answer.call]);
  // The token is optional in the answer [doc]: without it, the binding is known by its requestId until the signing notification brings it.
  return { token: read.data.token, bindingRef: requestId, authUrl: read.data.authUrl };
}

async function unbindWallet(input: { merchantUserId: string; token: string }): Promise<void> {
  const answer = await client().post("/v4/paymethod/unbind", {
    requestId: PingPongClient.newRequestId("unbind"),
    merchantUserId: input.merchantUserId,
    token: input.token,
  });
  bizOf(answer, "the unbinding");
}

/** Deprecated flow: the wallet's authorization page, which returns with `?code=`. */
async function startLegacyAuthorization(input: {
  merchantUserId: string;
  walletType: string;
  resultUrl: string;
  notificationUrl: string;
}) {
  const answer = await client().post("/v4/paymethod/auth", {
    requestId: PingPongClient.newRequestId("auth"),
    merchantUserId: input.merchantUserId,
    paymentMethod: { type: input.walletType },
    merchantResultUrl: input.resultUrl,
    notificationUrl: input.notificationUrl,
    bizType: "CodeGrant",
  });
  const biz = bizOf(answer, "the wallet authorization");
  if (typeof biz.authUrl !== "string")
    throw new ProviderError("PingPong answered the authorization without authUrl", [answer.call]);
  return { authUrl: biz.authUrl };
}

/** Deprecated flow: the code from the authorization page, exchanged for a token. */
async function exchangeLegacyCode(input: { merchantUserId: string; code: string }) {
  const answer = await client().post("/v4/paymethod/authorize", {
    requestId: PingPongClient.newRequestId("authorize"),
    merchantUserId: input.merchantUserId,
    code: input.code,
  });
  const biz = bizOf(answer, "the authorization code");
  if (typeof biz.token !== "string")
    throw new ProviderError("PingPong answered the code without a token", [answer.call]);
  const method = biz.paymentMethod as { type?: string } | undefined;
  return { token: biz.token, walletType: method?.type };
}

/** PingPong's one-click wallets, as the adapter interface's `wallets` capability. */
export const pingPongWallets: WalletLinking = {
  wallets: LINKABLE_WALLETS,
  bind: bindWallet,
  unbind: unbindWallet,
  legacy: { enabled: legacyAuthEnabled, start: startLegacyAuthorization, exchange: exchangeLegacyCode },
};
