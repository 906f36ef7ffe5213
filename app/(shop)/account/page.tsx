import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { currentUser } from "@/lib/auth";
import { listOrdersForUser } from "@/lib/db/queries/orders";
import { orderNumberOf } from "@/lib/order-number";
import { formatMoney } from "@/lib/money";
import { savedCardsFor } from "@/lib/checkout-config";
import { removeSavedCard, unlinkWalletAction } from "./actions";
import { LinkWalletForm } from "@/components/account/link-wallet-form";
import { RefreshWhilePending } from "@/components/account/refresh-while-pending";
import { listWalletBindings } from "@/lib/db/queries/credentials";
import { findDescriptor, isEmulated, walletProvider } from "@/lib/payments/registry";
import { walletsToLink } from "@/lib/payments/wallets";
import type { Locale } from "@/i18n/locales";

export async function generateMetadata() {
  return { title: (await getTranslations("Account"))("title") };
}

/** Dates as each language writes them (English as the shop always has: day/month/year). */
const DATE_LOCALE: Readonly<Record<Locale, string>> = { en: "en-GB", zh: "zh-Hans-CN" };

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/account");
  const [locale, t, tOrder] = await Promise.all([
    getLocale(),
    getTranslations("Account"),
    getTranslations("OrderPage"),
  ]);
  const orders = await listOrdersForUser(user.id);
  const cards = (await savedCardsFor(user.id)).filter((card) => card.kind === "card");
  const wallets = await listWalletBindings(user.id);
  // The wallet's own app is the emulator's page: there is none to open against the real provider.
  const linking = findDescriptor(walletProvider()?.id ?? "");
  const walletAppBase = linking && isEmulated(linking) ? linking.settings.baseUrl() : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section
        id="wallets"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
        data-testid="linked-wallets"
      >
        <h2 className="font-medium">{t("walletsHeading", { provider: linking?.displayName ?? "" })}</h2>
        <RefreshWhilePending pending={wallets.some((w) => w.status === "pending")} />
        {wallets.length === 0 && <p className="text-sm text-stone-600">{t("noWallets")}</p>}
        <ul className="divide-y divide-stone-100">
          {wallets.map((wallet) => (
            <li
              key={wallet.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
              data-testid="wallet-binding"
              data-status={wallet.status}
            >
              <span>
                <span className="font-medium">{wallet.brand}</span> ·{" "}
                {t("linkedOn", { date: wallet.createdAt.toLocaleDateString(DATE_LOCALE[locale]) })} ·{" "}
                <span data-testid="wallet-status">
                  {wallet.status === "pending" || wallet.status === "active" || wallet.status === "declined"
                    ? t(`walletStatus.${wallet.status}`, { wallet: wallet.brand ?? "" })
                    : t("walletStatus.revoked")}
                </span>
              </span>
              {wallet.status === "active" && (
                <span className="flex items-center gap-3">
                  {walletAppBase && (
                    <a
                      href={`${walletAppBase}/wallet/app/${wallet.token}`}
                      className="text-stone-500 underline"
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t("openWalletApp")}
                    </a>
                  )}
                  <form action={unlinkWalletAction}>
                    <input type="hidden" name="credentialId" value={wallet.id} />
                    <button type="submit" className="text-red-700 underline">
                      {t("unlink")}
                    </button>
                  </form>
                </span>
              )}
            </li>
          ))}
        </ul>
        {/* A linked wallet is not offered again: it has one link. */}
        <LinkWalletForm {...await walletsToLink(user.id)} />
      </section>
      <section className="space-y-2" data-testid="saved-cards">
        <h2 className="font-medium">{t("savedCards")}</h2>
        {cards.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noSavedCards")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {cards.map((card) => (
              <li
                key={card.id}
                className="flex items-center justify-between gap-3 p-3 text-sm"
                data-testid="saved-card"
              >
                <span>
                  {card.brand ?? t("card")} •••• {card.last4} {card.expiry ? t("expires", { expiry: card.expiry }) : ""}{" "}
                  <span className="text-stone-500">· {card.provider}</span>
                </span>
                <form action={removeSavedCard}>
                  <input type="hidden" name="credentialId" value={card.id} />
                  <button type="submit" className="text-red-700 underline">
                    {t("remove")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      {orders.length === 0 ? (
        <p className="text-stone-600">{t("noOrders")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <Link href={`/orders/${order.id}`} className="text-sm underline" data-testid="account-order">
                {tOrder("orderNumber", { number: orderNumberOf(order.id) })}
              </Link>
              <span className="text-sm text-stone-500">{order.createdAt.toLocaleString(DATE_LOCALE[locale])}</span>
              <span className="font-medium">{formatMoney(order.totalAmount, order.currency, locale)}</span>
              <OrderStatusBadge state={order.state} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
