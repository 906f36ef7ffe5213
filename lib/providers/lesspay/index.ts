import "server-only";
import { describeProvider } from "@/lib/payments/provider-descriptor";
import { lesspay } from "./adapter";
import { LESSPAY_SECRET_FIELDS, LESSPAY_APP_SECRET, LESSPAY_SETTINGS, lesspaySettings } from "./settings";

/** Lesspay, as the shop knows it (lib/payments/provider-descriptor.ts). */
export const lesspayProvider = describeProvider({
  adapter: lesspay,
  settings: {
    schema: LESSPAY_SETTINGS,
    baseUrlKey: "LESSPAY_BASE_URL",
    baseUrl: () => lesspaySettings().LESSPAY_BASE_URL,
  },
  realProviderSecret: {
    key: "LESSPAY_APP_SECRET",
    where: "the app secret Lesspay issued you",
    published: LESSPAY_APP_SECRET.published,
  },
  deploymentSecrets: [LESSPAY_APP_SECRET],
  secretFields: LESSPAY_SECRET_FIELDS,
  // [guess] the codes its mapper gives a cashier order canceled by the payer or closed unpaid.
  canceledFailureCodes: ["canceled", "closed"],
  bench: { method: "cashier", next: "redirect to Lesspay's cashier" },
  demoOrders: [
    {
      product: "walnut-notebook",
      quantity: 1,
      email: "les@example.com",
      name: "Les Pay",
      method: "card",
      card: { brand: "Visa", outcome: "approve" },
    },
  ],
  storylines: [
    {
      id: "late-duplicate",
      rank: 7,
      title: "Late, duplicated notification",
      shows: "The same notification three times and a stale one later: the payment changes once",
      product: "ceramic-planter",
      method: "lesspay:card",
      force: { provider: lesspay.id, body: { notification: { mode: "out_of_order", count: 3, seconds: 30 } } },
      steps: [
        "The next Lesspay payment is forced: its notification comes three times, then a stale one.",
        "Pay by Card, Lesspay processing it (test card Visa 1111).",
        "In the console's payment timeline: one state change, the duplicates recorded and ignored.",
      ],
      translated: {
        zh: {
          title: "迟到且重复的通知",
          shows: "同一通知发送三次，之后还有一条过时的通知：付款状态只变化一次",
          steps: [
            "强制设定下一笔 Lesspay 付款：它的通知会发送三次，之后再发一条过时的通知。",
            "用银行卡支付，由 Lesspay 处理（测试卡 Visa 1111）。",
            "在运营后台的付款时间线中：只有一次状态变化，重复的通知被记录并忽略。",
          ],
        },
      },
    },
  ],
});
