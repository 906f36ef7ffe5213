/**
 * Small badges of the card brands and wallets checkout offers: the shop's own simple drawings (a
 * coloured tile with the name's letters), not the brands' artwork. Each is an image with its name.
 */

/** The card brands checkout shows next to its Card choice, in the order shoppers expect them. */
export const CARD_BRANDS = ["visa", "mastercard", "amex", "unionpay", "jcb"] as const;

type Badge = { name: string; background: string; text: string; letters: string };

const CARD_BADGES: Record<(typeof CARD_BRANDS)[number], Badge> = {
  visa: { name: "Visa", background: "#1a1f71", text: "#ffffff", letters: "VISA" },
  mastercard: { name: "Mastercard", background: "#231f20", text: "#ffffff", letters: "MC" },
  amex: { name: "American Express", background: "#006fcf", text: "#ffffff", letters: "AMEX" },
  unionpay: { name: "UnionPay", background: "#d7141a", text: "#ffffff", letters: "UP" },
  jcb: { name: "JCB", background: "#0b6e3a", text: "#ffffff", letters: "JCB" },
};

/** Wallet and QR methods by their method id (or a linked wallet by its name, lower case). */
const WALLET_BADGES: Record<string, Badge> = {
  alipay: { name: "Alipay", background: "#1677ff", text: "#ffffff", letters: "支" },
  alipayhk: { name: "AlipayHK", background: "#1677ff", text: "#ffffff", letters: "HK" },
  wechatpay: { name: "WeChat Pay", background: "#07a648", text: "#ffffff", letters: "微" },
  gcash: { name: "GCash", background: "#0a5bd8", text: "#ffffff", letters: "G" },
};

function Tile({ badge }: { badge: Badge }) {
  return (
    <svg
      role="img"
      aria-label={badge.name}
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
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Cards accepted" data-testid="card-brands">
      {CARD_BRANDS.map((brand) => (
        <li key={brand}>
          <Tile badge={CARD_BADGES[brand]} />
        </li>
      ))}
    </ul>
  );
}

/** One card brand's badge (a saved card's), by the brand's name as the shop keeps it; none for an unknown brand. */
export function CardBrandBadge({ brand }: { brand: string | null }) {
  const key = brand?.toLowerCase().replace(/[^a-z]/g, "");
  const found = CARD_BRANDS.find((b) => b === key || CARD_BADGES[b].name.toLowerCase().replace(/[^a-z]/g, "") === key);
  return found ? <Tile badge={CARD_BADGES[found]} /> : <GenericTile name={brand ?? "Card"} />;
}

/** A wallet's or QR method's badge, by its method id or wallet name. */
export function WalletBadge({ id, name }: { id: string; name: string }) {
  const badge = WALLET_BADGES[id.toLowerCase().replace(/[^a-z]/g, "")];
  return badge ? <Tile badge={badge} /> : <GenericTile name={name} />;
}

function GenericTile({ name }: { name: string }) {
  return <Tile badge={{ name, background: "#57534e", text: "#ffffff", letters: name.slice(0, 2).toUpperCase() }} />;
}
