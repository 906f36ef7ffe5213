import "server-only";
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import { findCredential, findCredentialByToken, insertCredential, moveCredential } from "@/lib/db/queries/credentials";
import { CheckoutError } from "./checkout-error";
import { ACK, refused, unchanged, type NotificationResult } from "./notification-result";
import { getProvider, walletProvider } from "./registry";
import type { WalletBindingNotification } from "./types";

/**
 * A notification about a wallet binding (signing result, unbinding from either side): believed
 * only for a token the shop asked for, signed by the same shopper; applied once.
 */
export function applyCredentialEvent(
  provider: ReturnType<typeof getProvider>,
  notification: WalletBindingNotification,
): NotificationResult {
  const event = notification.binding;
  const credential =
    (event.token ? findCredentialByToken(provider.id, event.token) : undefined) ??
    (event.bindingRef ? findCredentialByToken(provider.id, pendingBindingToken(event.bindingRef)) : undefined);
  if (!credential)
    return refused(
      provider.id,
      { kind: "refused", httpStatus: 404, reason: "Unknown token" },
      `Unknown wallet token: ${notification.summary}`,
      "unknown_token",
    );
  if (event.merchantUserId !== undefined && credential.merchantUserId !== event.merchantUserId) {
    return refused(
      provider.id,
      { kind: "refused", httpStatus: 422, reason: "The token belongs to another merchantUserId" },
      `Refused: the token belongs to another shopper (${notification.summary})`,
      "user_mismatch",
    );
  }
  const move = {
    activated: { from: ["pending"] as const, to: "active" as const },
    declined: { from: ["pending"] as const, to: "declined" as const },
    revoked: { from: ["active", "pending"] as const, to: "revoked" as const },
  }[event.event];
  // A binding still known only by its signing reference needs the token to become usable.
  const awaitingToken = credential.token === pendingBindingToken(event.bindingRef ?? "");
  if (event.event === "activated" && awaitingToken && !event.token)
    return unchanged(provider, `a linking without its token, nothing written: ${notification.summary}`, "no_token");
  const token = awaitingToken ? event.token : undefined;
  const result = moveCredential(
    credential.id,
    move.from,
    move.to,
    {
      provider: provider.id,
      summary: notification.summary,
      dedupeKey: notification.dedupeKey,
      detail: notification.detail,
    },
    token,
  );
  log("info", "wallet binding notification", { credentialId: credential.id, event: event.event, result });
  if (result === "duplicate") return unchanged(provider, `already applied: ${notification.summary}`, result);
  // The binding has moved on (e.g. a link notified after the shopper unlinked): nothing is written.
  if (result === "refused")
    return unchanged(provider, `the binding is already ${credential.status}: ${notification.summary}`, result);
  return { answer: ACK, outcome: result };
}

/** What a pending binding's token column holds until the signing notification brings the token. */
export function pendingBindingToken(bindingRef: string): string {
  return `pending-binding:${bindingRef}`;
}

/** The provider that links wallets, with its linking capability (CheckoutError when none does). */
function wallets() {
  const provider = walletProvider();
  if (!provider) throw new CheckoutError("No payment provider links wallets here.");
  return { provider, linking: provider.wallets, notificationUrl: `${settings().APP_URL}/api/webhooks/${provider.id}` };
}

/** Starts linking a wallet for one-click payments: a pending binding, and the wallet's signing page. */
export async function linkWallet(userId: string, walletType: string): Promise<string> {
  const env = settings();
  const { provider, linking, notificationUrl } = wallets();
  const answer = await linking.bind({
    merchantUserId: userId,
    walletType,
    resultUrl: `${env.APP_URL}/account?linked=${encodeURIComponent(walletType)}#wallets`,
    notificationUrl,
  });
  // Without a token in the answer, the binding waits under its signing reference for the signing notification's token.
  insertCredential({
    userId,
    provider: provider.id,
    kind: "wallet",
    token: answer.token ?? pendingBindingToken(answer.bindingRef),
    brand: walletType,
    merchantUserId: userId,
    status: "pending",
  });
  log("info", "wallet link started", { userId, walletType, provider: provider.id });
  return answer.authUrl;
}

/** The shopper unlinks a wallet from the shop: the provider is told, and the binding is revoked. */
export async function unlinkWallet(userId: string, credentialId: string): Promise<void> {
  const credential = findCredential(credentialId);
  if (!credential || credential.userId !== userId || credential.kind !== "wallet")
    throw new CheckoutError("Unknown wallet link.");
  const linking = getProvider(credential.provider).wallets;
  if (credential.status === "active" && linking)
    await linking.unbind({ merchantUserId: credential.merchantUserId ?? userId, token: credential.token });
  moveCredential(credential.id, ["active", "pending"], "revoked", {
    provider: credential.provider,
    summary: `Unlinked by the shopper`,
  });
}

/** The deprecated authorization flow, when the wallet provider has it and it is turned on. */
function legacyLinking() {
  const { provider, linking, notificationUrl } = wallets();
  if (!linking.legacy?.enabled()) throw new CheckoutError("The legacy wallet authorization is turned off.");
  return { provider, legacy: linking.legacy, notificationUrl };
}

/** Deprecated authorization flow (WalletLinking.legacy, where enabled): the wallet's authorization page. */
export async function startLegacyWalletAuthorization(userId: string, walletType: string): Promise<string> {
  const { legacy, notificationUrl } = legacyLinking();
  const answer = await legacy.start({
    merchantUserId: userId,
    walletType,
    resultUrl: `${settings().APP_URL}/account/wallets/legacy?wallet=${encodeURIComponent(walletType)}`,
    notificationUrl,
  });
  return answer.authUrl;
}

/** Deprecated authorization flow: the code the wallet returned, exchanged for an active token. */
export async function finishLegacyWalletAuthorization(userId: string, walletType: string, code: string) {
  const { provider, legacy } = legacyLinking();
  const answer = await legacy.exchange({ merchantUserId: userId, code });
  const existing = findCredentialByToken(provider.id, answer.token);
  return (
    existing ??
    insertCredential({
      userId,
      provider: provider.id,
      kind: "wallet",
      token: answer.token,
      brand: answer.walletType ?? walletType,
      merchantUserId: userId,
      status: "active",
    })
  );
}
