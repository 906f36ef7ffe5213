import "server-only";
import { describeProvider } from "@/lib/payments/provider-descriptor";
import { antom } from "./adapter";
import { ANTOM_DEV_KEYS } from "./dev-keys";
import { ANTOM_SECRET_FIELDS, ANTOM_SETTINGS, antomSettings } from "./settings";

/** Antom, as the shop knows it (lib/payments/provider-descriptor.ts). */
export const antomProvider = describeProvider({
  adapter: antom,
  settings: { schema: ANTOM_SETTINGS, baseUrlKey: "ANTOM_BASE_URL", baseUrl: () => antomSettings().ANTOM_BASE_URL },
  // Signed with RSA keys (./dev-keys.ts): no shared secret to publish, so none to generate.
  realProviderSecret: {
    key: "ANTOM_PUBLIC_KEY",
    where: "Antom's public key from the Antom dashboard (and ANTOM_MERCHANT_PRIVATE_KEY, your private key)",
  },
  deploymentSecrets: [],
  devKeys: ANTOM_DEV_KEYS,
  bench: { method: "card", next: "order page with the card result" },
  secretFields: ANTOM_SECRET_FIELDS,
  demoOrders: [
    {
      product: "stoneware-mug-set",
      quantity: 2,
      email: "shopper@example.com",
      name: "Sam Shopper",
      method: "card",
      card: { brand: "Visa", outcome: "approve" },
      signedIn: true,
    },
    {
      product: "mechanical-keyboard",
      quantity: 1,
      email: "shopper@example.com",
      name: "Sam Shopper",
      method: "card",
      card: { brand: "Mastercard", outcome: "approve" },
      signedIn: true,
    },
    {
      product: "merino-beanie",
      quantity: 1,
      email: "dana@example.com",
      name: "Dana Decline",
      method: "card",
      card: { brand: "Visa", outcome: "decline", reason: "insufficient_funds" },
    },
  ],
  storylines: [
    {
      id: "happy-card",
      rank: 1,
      title: "Happy card payment",
      shows: "Card entry, instant approval, the order paid",
      product: "stoneware-mug-set",
      method: "antom:card",
      steps: [
        "Card is chosen (Antom processes it) and the contact details are filled.",
        "Fill the test card Visa 1111 with “Fill a test card (emulator)” (or type it from /emulators, any future expiry and any CVC).",
        "Pay: the order page says Paid.",
      ],
    },
    {
      id: "saved-card",
      rank: 4,
      title: "Saved card",
      shows: "Card on file: save once, then pay without typing",
      product: "merino-beanie",
      needsSignIn: true,
      method: "antom:card",
      steps: [
        "Sign in as shopper@example.com (shopper-demo).",
        "Pay by Card (Antom processes it) and tick “Save this card”.",
        "Check out again: the saved card is offered first.",
      ],
    },
    {
      id: "capture-refund",
      rank: 6,
      title: "Manual capture, then a partial refund",
      shows: "Authorize now, capture when it ships, refund part",
      product: "mechanical-keyboard",
      method: "antom:card",
      steps: [
        "Pay by Card (Antom processes it; the keyboard is made to order: authorized only).",
        "As operator@example.com, open the order in the console and capture it.",
        "Refund part of it: the timeline shows each step.",
      ],
    },
  ],
});
