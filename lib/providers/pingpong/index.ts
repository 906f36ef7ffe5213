import "server-only";
import { describeProvider } from "@/lib/payments/provider-descriptor";
import { pingPong } from "./adapter";
import { PINGPONG_SECRET_FIELDS, PINGPONG_SALT_SECRET, PINGPONG_SETTINGS, pingPongSettings } from "./settings";

/** PingPongCheckout, as the shop knows it (lib/payments/provider-descriptor.ts). */
export const pingPongProvider = describeProvider({
  adapter: pingPong,
  settings: {
    schema: PINGPONG_SETTINGS,
    baseUrlKey: "PINGPONG_BASE_URL",
    baseUrl: () => pingPongSettings().PINGPONG_BASE_URL,
  },
  realProviderSecret: {
    key: "PINGPONG_SALT",
    where: "the salt of your PingPong merchant account",
    published: PINGPONG_SALT_SECRET.published,
  },
  deploymentSecrets: [PINGPONG_SALT_SECRET],
  secretFields: PINGPONG_SECRET_FIELDS,
  // [doc] 301006 "The payment was cancelled."; "closed" is the code its mapper gives a closed order.
  canceledFailureCodes: ["301006", "closed"],
  bench: { method: "alipayhk", next: "order page with the AlipayHK QR code" },
  // The risk plugin is loaded from its script URL and calls the API's origin itself (its init call).
  cspOrigins: () => ({ connect: [pingPongSettings().PINGPONG_BASE_URL, pingPongSettings().PINGPONG_RISK_JS_URL] }),
  browserExtension: () => {
    const env = pingPongSettings();
    return {
      provider: pingPong.id,
      checkingLabel: "Checking the card with PingPong…",
      config: {
        scriptUrl: env.PINGPONG_RISK_JS_URL,
        env: env.PINGPONG_ENV,
        accId: env.PINGPONG_ACC_ID,
        clientId: env.PINGPONG_CLIENT_ID,
      },
    };
  },
  demoOrders: [
    { product: "pour-over-kettle", quantity: 1, email: "qr@example.com", name: "Quinn Rivers", method: "alipayhk" },
  ],
  storylines: [
    {
      id: "three-ds",
      rank: 2,
      title: "3-D Secure challenge",
      shows: "PingPong's risk plugin, the bank's challenge page, the result by notification",
      product: "walnut-notebook",
      method: "pingpong:card",
      steps: [
        "Card is chosen (PingPongCheckout processes it, with its risk plugin).",
        "Fill the test card Visa 3220.",
        "Pay, then enter 123456 on the bank's page (any other code fails).",
        "Back on the order page, it turns Paid by itself.",
      ],
      translated: {
        zh: {
          title: "3-D Secure 验证",
          shows: "PingPong 的风控插件、银行的验证页面、通过通知得到的结果",
          steps: [
            "已选择银行卡（由 PingPongCheckout 处理，带风控插件）。",
            "填入测试卡 Visa 3220。",
            "支付，然后在银行页面输入 123456（其他验证码都会失败）。",
            "回到订单页面，它会自动变为已付款。",
          ],
        },
      },
    },
    {
      id: "qr",
      rank: 3,
      title: "QR code payment",
      shows: "A wallet QR code with its countdown; the page updates by itself",
      product: "pour-over-kettle",
      method: "pingpong:alipayhk",
      steps: [
        "AlipayHK is chosen: pay.",
        "Scan the QR code with a phone, or open it on this device.",
        "Approve in the wallet: the order page turns Paid.",
      ],
      translated: {
        zh: {
          title: "二维码支付",
          shows: "带倒计时的钱包二维码；页面自动更新",
          steps: [
            "已选择 AlipayHK：支付。",
            "用手机扫描二维码，或在这台设备上打开。",
            "在钱包中批准：订单页面变为已付款。",
          ],
        },
      },
    },
    {
      id: "one-click",
      rank: 5,
      title: "One-click wallet",
      shows: "Linking a wallet, then paying in one click",
      product: "trail-runner-socks",
      needsSignIn: true,
      steps: [
        "Sign in as shopper@example.com.",
        "Under My orders, link AlipayHK and agree in the wallet.",
        "Check out: “Pay with AlipayHK (linked)” pays at once.",
      ],
      translated: {
        zh: {
          title: "一键钱包支付",
          shows: "绑定钱包，然后一键支付",
          steps: [
            "以 shopper@example.com 登录。",
            "在“我的订单”中绑定 AlipayHK，并在钱包中同意。",
            "结算：“使用 AlipayHK（已绑定）支付”立即完成付款。",
          ],
        },
      },
    },
  ],
});
