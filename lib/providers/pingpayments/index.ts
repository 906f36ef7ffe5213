import "server-only";
import { describeProvider } from "@/lib/payments/provider-descriptor";
import { pingPayments } from "./adapter";
import {
  PINGPAYMENTS_SECRET_FIELDS,
  PINGPAYMENTS_API_SECRET,
  PINGPAYMENTS_SETTINGS,
  pingPaymentsSettings,
} from "./settings";

/** Ping Payments (PaymentIQ), as the shop knows it (lib/payments/provider-descriptor.ts). */
export const pingPaymentsProvider = describeProvider({
  adapter: pingPayments,
  settings: {
    schema: PINGPAYMENTS_SETTINGS,
    baseUrlKey: "PINGPAYMENTS_BASE_URL",
    baseUrl: () => pingPaymentsSettings().PINGPAYMENTS_BASE_URL,
  },
  realProviderSecret: {
    key: "PINGPAYMENTS_API_SECRET",
    where: "your tenant's API secret from Ping Payments",
    published: PINGPAYMENTS_API_SECRET.published,
  },
  deploymentSecrets: [PINGPAYMENTS_API_SECRET],
  secretFields: PINGPAYMENTS_SECRET_FIELDS,
  // [doc] PaymentIQ's CANCELLED status and Ping Payments' "cancelled_by_payer" reason.
  canceledFailureCodes: ["CANCELLED", "cancelled_by_payer"],
  bench: { method: "card", next: "redirect to PaymentIQ's hosted page" },
  // Its status callbacks are not signed: each is believed through a GET of the payment (./webhook.ts).
  unsignedNotifications: true,
  demoOrders: [
    { product: "nordic-wool-throw", quantity: 1, email: "piq@example.com", name: "Pia Ping", method: "card" },
  ],
});
