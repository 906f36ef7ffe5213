import { randomUUID } from "node:crypto";
import { antomCall, payBody } from "../../lib/testing/antom-fixtures";
import { cardBody, cashierBody, lesspayCall } from "../../lib/testing/lesspay-fixtures";
import { createEmulatorPayment, payOnPaymentIq } from "../../lib/testing/pingpayments-fixtures";
import {
  bindWallet,
  envelope,
  payByApm,
  payByCard,
  pingpongApi,
  signWallet,
} from "../../lib/testing/pingpong-fixtures";

/**
 * The emulators' hosted pages, each reached through its emulator's API as the shop's checkout
 * reaches it (a payment created, the shopper sent to the page it answers): independent of the shop's
 * checkout form. The fixtures call the e2e server and read its emulator database.
 */
export const E2E_BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3102)}`;
process.env.TEST_SERVER_URL = E2E_BASE_URL;
process.env.EMULATOR_DATABASE_PATH = "data/test-e2e/emulators.sqlite";

/** The card whose payments ask for a 3-D Secure challenge (lib/emulators/test-cards.json). */
export const CHALLENGE_CARD = "4000000000003220";

/** Where the test payments send the payer back: pages of the e2e server that say nothing of payments. */
export const RETURN_URLS = {
  success: `${E2E_BASE_URL}/api/health?returned=success`,
  error: `${E2E_BASE_URL}/api/health?returned=error`,
};

/** A PaymentIQ checkout (Ping Payments) of 250.00 SEK, returning to RETURN_URLS. */
export async function paymentIqCheckout() {
  return createEmulatorPayment({
    provider_method_parameters: { success_url: RETURN_URLS.success, error_url: RETURN_URLS.error },
  });
}

/** PaymentIQ's 3-D Secure page: a checkout paid with the challenge card. */
export async function paymentIqChallenge() {
  const payment = await paymentIqCheckout();
  const posted = await payOnPaymentIq(payment.paymentId, { number: CHALLENGE_CARD });
  return { ...payment, challengeUrl: new URL(posted.location!, E2E_BASE_URL).toString() };
}

async function lesspayPayData(body: Record<string, unknown>): Promise<string> {
  const created = await lesspayCall("create-order", body);
  return (created.data.order_data as { payData: string }).payData;
}

export const lesspayCashier = () =>
  lesspayPayData(
    cashierBody({ extra: { success_url: RETURN_URLS.success, fail_url: RETURN_URLS.error, product_name: "Mug" } }),
  );

/** Every hosted page a shopper sees, by name: each call makes a new payment and answers its page's URL. */
export const HOSTED_PAGES: Record<string, () => Promise<string>> = {
  "PaymentIQ checkout": async () => (await paymentIqCheckout()).payUrl,
  "PaymentIQ 3-D Secure": async () => (await paymentIqChallenge()).challengeUrl,
  "Lesspay cashier": lesspayCashier,
  "Lesspay 3-D Secure": () => lesspayPayData(cardBody(CHALLENGE_CARD)),
  "PingPong 3-D Secure": async () => {
    const { answer } = await payByCard(CHALLENGE_CARD);
    return `${E2E_BASE_URL}/emulators/pingpong/3ds/${answer.biz!.transactionId as string}`;
  },
  "PingPong AlipayHK QR scan": async () => (await payByApm("AlipayHK")).answer.biz!.paymentQrCode as string,
  "PingPong WeChat Pay QR scan": async () => (await payByApm("WeChatPay")).answer.biz!.paymentQrCode as string,
  "PingPong Alipay wallet checkout": async () => (await payByApm("Alipay")).answer.biz!.paymentRedirectUrl as string,
  "PingPong wallet signing": async () => (await bindWallet()).answer.biz!.authUrl as string,
  "PingPong wallet app (linked merchants)": async () =>
    `${E2E_BASE_URL}/emulators/pingpong/wallet/app/${(await signWallet(true)).token}`,
  "PingPong legacy wallet authorization": async () => {
    const auth = await pingpongApi(
      "/v4/paymethod/auth",
      envelope({
        requestId: `auth-${randomUUID()}`,
        merchantUserId: `user-${randomUUID().slice(0, 8)}`,
        paymentMethod: { type: "AlipayHK" },
        merchantResultUrl: RETURN_URLS.success,
        bizType: "CodeGrant",
      }),
    );
    return auth.biz!.authUrl as string;
  },
  "Antom 3-D Secure": async () => (await antomCall("pay", payBody(CHALLENGE_CARD))).body.normalUrl as string,
};
