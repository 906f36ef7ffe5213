import "server-only";
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import {
  activateWalletLink,
  findCredential,
  findCredentialByToken,
  insertActiveWalletLink,
  insertCredential,
  listActiveCredentials,
  moveCredential,
} from "@/lib/db/queries/credentials";
import type { StoredCredential } from "@/lib/db/schema";
import { CheckoutError } from "./checkout-error";
import { ACK, refused, unchanged, type NotificationResult } from "./notification-result";
import { getProvider, linkableWallets, walletProvider } from "./registry";
import type { WalletBindingNotification } from "./types";

/**
 * A notification about a wallet binding (signing result, unbinding from either side): believed
 * only for a token the shop asked for, signed by the same shopper; applied once. A wallet has one
 * link: the newest signing is it, and the link it replaces is revoked and ended at the provider.
 */
export async function applyCredentialEvent(
  provider: ReturnType<typeof getProvider>,
  notification: WalletBindingNotification,
): Promise<NotificationResult> {
  const event = notification.binding;
  const credential =
    (event.token ? await findCredentialByToken(provider.id, event.token) : undefined) ??
    (event.bindingRef ? await findCredentialByToken(provider.id, pendingBindingToken(event.bindingRef)) : undefined);
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
  const why = {
    provider: provider.id,
    summary: notification.summary,
    dedupeKey: notification.dedupeKey,
    detail: notification.detail,
  };
  const { result, replaced } =
    event.event === "activated"
      ? await activateWalletLink(credential.id, why, token)
      : { result: await moveCredential(credential.id, move.from, move.to, why, token), replaced: undefined };
  log("info", "wallet binding notification", { credentialId: credential.id, event: event.event, result });
  if (replaced) await endReplacedLink(replaced);
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

/** The wallet types the shopper has an active link for, at the provider that links wallets. */
async function linkedWalletTypes(userId: string, providerId = walletProvider()?.id): Promise<Set<string>> {
  return new Set(
    (await listActiveCredentials(userId, providerId))
      .filter((credential) => credential.kind === "wallet")
      .map((credential) => credential.brand ?? ""),
  );
}

/** The wallets the shopper may link now: each linkable one not linked yet (a wallet has one link). */
export async function walletsToLink(userId: string): Promise<ReturnType<typeof linkableWallets>> {
  const linkable = linkableWallets();
  const linked = await linkedWalletTypes(userId);
  return { ...linkable, wallets: linkable.wallets.filter((wallet) => !linked.has(wallet)) };
}

/** A wallet already linked is not linked again (e.g. from a page shown before it was linked). */
async function refuseWhenLinked(userId: string, providerId: string, walletType: string): Promise<void> {
  if ((await linkedWalletTypes(userId, providerId)).has(walletType))
    throw new CheckoutError(`${walletType} is already linked.`);
}

/** Starts linking a wallet for one-click payments: a pending binding, and the wallet's signing page. */
export async function linkWallet(userId: string, walletType: string): Promise<string> {
  const env = settings();
  const { provider, linking, notificationUrl } = wallets();
  await refuseWhenLinked(userId, provider.id, walletType);
  const answer = await linking.bind({
    merchantUserId: userId,
    walletType,
    resultUrl: `${env.APP_URL}/account?linked=${encodeURIComponent(walletType)}#wallets`,
    notificationUrl,
  });
  // Without a token in the answer, the binding waits under its signing reference for the signing notification's token.
  await insertCredential({
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
  const credential = await findCredential(credentialId);
  if (!credential || credential.userId !== userId || credential.kind !== "wallet")
    throw new CheckoutError("Unknown wallet link.");
  if (credential.status === "active") await unbindAtProvider(credential);
  await moveCredential(credential.id, ["active", "pending"], "revoked", {
    provider: credential.provider,
    summary: `Unlinked by the shopper`,
  });
}

/** Tells the provider a link is over (its token is never used again). */
async function unbindAtProvider(credential: StoredCredential): Promise<void> {
  await getProvider(credential.provider).wallets?.unbind({
    merchantUserId: credential.merchantUserId ?? credential.userId,
    token: credential.token,
  });
}

/**
 * A link a newer one replaced is already revoked in the shop; the provider is told so its token
 * stops working too. A failure leaves a token the shop never uses again: logged, not retried.
 */
async function endReplacedLink(replaced: StoredCredential): Promise<void> {
  try {
    await unbindAtProvider(replaced);
    log("info", "replaced wallet link unbound", { credentialId: replaced.id, provider: replaced.provider });
  } catch (error) {
    log("warn", "replaced wallet link could not be unbound at the provider", {
      credentialId: replaced.id,
      provider: replaced.provider,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The deprecated authorization flow, when the wallet provider has it and it is turned on. */
function legacyLinking() {
  const { provider, linking, notificationUrl } = wallets();
  if (!linking.legacy?.enabled()) throw new CheckoutError("The legacy wallet authorization is turned off.");
  return { provider, legacy: linking.legacy, notificationUrl };
}

/** Deprecated authorization flow (WalletLinking.legacy, where enabled): the wallet's authorization page. */
export async function startLegacyWalletAuthorization(userId: string, walletType: string): Promise<string> {
  const { provider, legacy, notificationUrl } = legacyLinking();
  await refuseWhenLinked(userId, provider.id, walletType);
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
  const { link, replaced } = await insertActiveWalletLink({
    userId,
    provider: provider.id,
    token: answer.token,
    brand: answer.walletType ?? walletType,
    merchantUserId: userId,
  });
  if (replaced) await endReplacedLink(replaced);
  return link;
}
