import { useTranslations } from "next-intl";

/**
 * Small badges of the card brands and wallets checkout offers: the shop's own simple drawings (a
 * coloured tile with the name's letters), not the brands' artwork. Each is an image with its name.
 */

/** The card brands checkout shows next to its Card choice, in the order shoppers expect them. */
export const CARD_BRANDS = ["visa", "mastercard", "amex", "unionpay", "jcb"] as const;

/** A badge's drawing; its name (the image's text alternative) is in the shopper's language. */
type Badge = { background: string; text: string; letters: string };

/** Card brands, with the name the shop keeps for a saved card's brand (to find its badge). */
const CARD_BADGES: Record<(typeof CARD_BRANDS)[number], Badge & { keptName: string }> = {
  visa: { keptName: "Visa", background: "#1a1f71", text: "#ffffff", letters: "VISA" },
  mastercard: { keptName: "Mastercard", background: "#231f20", text: "#ffffff", letters: "MC" },
  amex: { keptName: "American Express", background: "#006fcf", text: "#ffffff", letters: "AMEX" },
  unionpay: { keptName: "UnionPay", background: "#d7141a", text: "#ffffff", letters: "UP" },
  jcb: { keptName: "JCB", background: "#0b6e3a", text: "#ffffff", letters: "JCB" },
};

/** Wallet and QR methods by their method id (or a linked wallet by its name, lower case). */
const WALLET_BADGES: Record<string, Badge> = {
  alipay: { background: "#1677ff", text: "#ffffff", letters: "支" },
  alipayhk: { background: "#1677ff", text: "#ffffff", letters: "HK" },
  wechatpay: { background: "#07a648", text: "#ffffff", letters: "微" },
  gcash: { background: "#0a5bd8", text: "#ffffff", letters: "G" },
};

function Tile({ badge, name }: { badge: Badge; name: string }) {
  return (
    <svg
      role="img"
      aria-label={name}
      viewBox="0 0 38 24"
      width="38"
      height="24"
      className="shrink-0 rounded-[3px] ring-1 ring-stone-300"
    >
      <rect width="38" height="24" rx="3" fill={badge.background} />
      {badge.letters === "MC" ? (
        <>
          <circle cx="15" cy="12" r="7" fill="#eb001b" />
          <circle cx="23" cy="12" r="7" fill="#f79e1b" fillOpacity="0.9" />
        </>
      ) : (
        <text
          x="19"
          y="16"
          textAnchor="middle"
          fontFamily="system-ui, sans-serif"
          fontSize={badge.letters.length > 3 ? 9 : 11}
          fontWeight="700"
          fill={badge.text}
        >
          {badge.letters}
        </text>
      )}
    </svg>
  );
}

/** The brands a card choice accepts, as a list of badges. */
export function CardBrandBadges() {
  const t = useTranslations("CheckoutPayment");
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("cardsAccepted")} data-testid="card-brands">
      {CARD_BRANDS.map((brand) => (
        <li key={brand}>
          <Tile badge={CARD_BADGES[brand]} name={t(`brands.${brand}`)} />
        </li>
      ))}
    </ul>
  );
}

/** One card brand's badge (a saved card's), by the brand's name as the shop keeps it; none for an unknown brand. */
export function CardBrandBadge({ brand }: { brand: string | null }) {
  const t = useTranslations("CheckoutPayment");
  const key = brand?.toLowerCase().replace(/[^a-z]/g, "");
  const found = CARD_BRANDS.find(
    (b) => b === key || CARD_BADGES[b].keptName.toLowerCase().replace(/[^a-z]/g, "") === key,
  );
  return found ? (
    <Tile badge={CARD_BADGES[found]} name={t(`brands.${found}`)} />
  ) : (
    <GenericTile name={brand ?? t("card")} />
  );
}

/** A wallet's or QR method's badge, by its method id or wallet name; `name` is what the shopper reads for it. */
export function WalletBadge({ id, name }: { id: string; name: string }) {
  const badge = WALLET_BADGES[id.toLowerCase().replace(/[^a-z]/g, "")];
  return badge ? <Tile badge={badge} name={name} /> : <GenericTile name={name} />;
}

function GenericTile({ name }: { name: string }) {
  return (
    <Tile badge={{ background: "#57534e", text: "#ffffff", letters: name.slice(0, 2).toUpperCase() }} name={name} />
  );
}
