/** Scripted demos for sales and QA: what to click, what it shows. Started from /demo. */
export interface Storyline {
  id: string;
  title: string;
  shows: string;
  product: string;
  steps: string[];
  /** Force the next payment of a provider through its emulator's control plane. */
  force?: { provider: string; body: Record<string, unknown> };
  needsSignIn?: boolean;
}

export const STORYLINES: readonly Storyline[] = [
  {
    id: "happy-card",
    title: "Happy card payment",
    shows: "Card entry, instant approval, the order paid",
    product: "stoneware-mug-set",
    steps: [
      "Choose Card · Antom.",
      "Fill the test card Visa 1111 with “Fill a test card (emulator)” (or type it from /emulators, any future expiry and any CVC).",
      "Pay: the order page says Paid.",
    ],
  },
  {
    id: "three-ds",
    title: "3-D Secure challenge",
    shows: "PingPong's risk plugin, the bank's challenge page, the result by notification",
    product: "walnut-notebook",
    steps: [
      "Choose Card · PingPongCheckout.",
      "Fill the test card Visa 3220.",
      "Pay, then enter 123456 on the bank's page (any other code fails).",
      "Back on the order page, it turns Paid by itself.",
    ],
  },
  {
    id: "qr",
    title: "QR code payment",
    shows: "A wallet QR code with its countdown; the page updates by itself",
    product: "pour-over-kettle",
    steps: [
      "Choose AlipayHK · PingPongCheckout and pay.",
      "Scan the QR code with a phone, or open it on this device.",
      "Approve in the wallet: the order page turns Paid.",
    ],
  },
  {
    id: "saved-card",
    title: "Saved card",
    shows: "Card on file: save once, then pay without typing",
    product: "merino-beanie",
    needsSignIn: true,
    steps: [
      "Sign in as shopper@example.com (shopper-demo).",
      "Pay with Card · Antom and tick “Save this card”.",
      "Check out again: the saved card is offered first.",
    ],
  },
  {
    id: "one-click",
    title: "One-click wallet",
    shows: "Linking a wallet, then paying in one click",
    product: "trail-runner-socks",
    needsSignIn: true,
    steps: [
      "Sign in as shopper@example.com.",
      "Under My orders, link AlipayHK and agree in the wallet.",
      "Check out: “Pay with AlipayHK (linked)” pays at once.",
    ],
  },
  {
    id: "capture-refund",
    title: "Manual capture, then a partial refund",
    shows: "Authorize now, capture when it ships, refund part",
    product: "mechanical-keyboard",
    steps: [
      "Pay with Card · Antom (the keyboard is made to order: authorized only).",
      "As operator@example.com, open the order in the console and capture it.",
      "Refund part of it: the timeline shows each step.",
    ],
  },
  {
    id: "late-duplicate",
    title: "Late, duplicated notification",
    shows: "The same notification three times and a stale one later: the payment changes once",
    product: "ceramic-planter",
    force: { provider: "lesspay", body: { notification: { mode: "out_of_order", count: 3, seconds: 30 } } },
    steps: [
      "The next Lesspay payment is forced: its notification comes three times, then a stale one.",
      "Pay with Card · Lesspay (test card Visa 1111).",
      "In the console's payment timeline: one state change, the duplicates recorded and ignored.",
    ],
  },
];

export function findStoryline(id: string | undefined): Storyline | undefined {
  return STORYLINES.find((story) => story.id === id);
}
