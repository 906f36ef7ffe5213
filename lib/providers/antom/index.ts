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
      translated: {
        zh: {
          title: "顺利的银行卡支付",
          shows: "输入银行卡、即时批准、订单已付款",
          steps: [
            "已选择银行卡（由 Antom 处理），联系信息已填好。",
            "用“填入测试卡（模拟器）”填入测试卡 Visa 1111（或从 /emulators 手动输入，任意未来的有效期和任意安全码）。",
            "支付：订单页面显示已付款。",
          ],
        },
      },
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
      translated: {
        zh: {
          title: "已保存的银行卡",
          shows: "保存一次，之后付款无需再输入卡号",
          steps: [
            "以 shopper@example.com（密码 shopper-demo）登录。",
            "用银行卡支付（由 Antom 处理）并勾选“保存此卡”。",
            "再次结算：已保存的卡会排在最前面。",
          ],
        },
      },
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
      translated: {
        zh: {
          title: "手动请款，然后部分退款",
          shows: "现在授权，发货时请款，再退回一部分",
          steps: [
            "用银行卡支付（由 Antom 处理；键盘为定制商品：仅授权）。",
            "以 operator@example.com 登录，在运营后台打开该订单并请款。",
            "退回一部分：时间线会显示每一步。",
          ],
        },
      },
    },
  ],
});
