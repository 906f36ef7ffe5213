// Test helpers for the emulators' outbound URL policy: register an order at each emulator with one
// URL field set to a given value, signed as the merchant, and read what the emulator answered.
import { antomCall, payBody } from "./antom-fixtures";
import { cashierBody, LESSPAY_APP_SECRET, lesspayCall } from "./lesspay-fixtures";
import { EMULATOR_SPLIT_TREE_ID, EMULATOR_TENANT, paymentBody, pingApi } from "./pingpayments-fixtures";
import { apmBiz, bindBiz, envelope, PINGPONG_MERCHANT, pingpongApi } from "./pingpong-fixtures";

/**
 * The merchant as the emulators know it: its credentials (default: the ones the integration server
 * runs with) and its site, where every other URL of the request points (default loopback).
 */
export interface MerchantSecrets {
  pingpongSalt?: string;
  lesspayAppSecret?: string;
  pingpaymentsApiSecret?: string;
  antomPrivateKey?: string;
  site?: string;
}

const siteOf = (secrets: MerchantSecrets) => secrets.site ?? "http://localhost:9";

/** What an emulator answered a create: whether it took it, and its error code and text when not. */
export interface CreateAnswer {
  accepted: boolean;
  code: unknown;
  message: string;
}

/** PingPong unifiedPay (an Alipay redirect) or one-click bind with `field` of bizContent set to `url`. */
export async function createAtPingPong(
  field: "notificationUrl" | "closeNotificationUrl" | "payResultUrl" | "payCancelUrl" | "merchantResultUrl",
  url: string,
  secrets: MerchantSecrets = {},
): Promise<CreateAnswer> {
  const bind = field === "merchantResultUrl";
  const site = siteOf(secrets);
  const notificationUrl = `${site}/api/webhooks/pingpong`;
  const biz = bind
    ? bindBiz({ merchantResultUrl: `${site}/wallet-linked`, notificationUrl })
    : apmBiz("Alipay", {
        currency: "USD",
        notificationUrl,
        extra: { payResultUrl: `${site}/result`, payCancelUrl: `${site}/cancel` },
      });
  biz[field] = url;
  const answer = await pingpongApi(
    bind ? "/v4/paymethod/bind" : "/v4/payment/unifiedPay",
    envelope(biz, {}, secrets.pingpongSalt ?? PINGPONG_MERCHANT.salt),
  );
  return { accepted: answer.body.code === "000000", code: answer.body.code, message: String(answer.body.description) };
}

/** Antom pay (a card authorization) with `field` set to `url`. */
export async function createAtAntom(
  field: "paymentNotifyUrl" | "paymentRedirectUrl",
  url: string,
  secrets: MerchantSecrets = {},
): Promise<CreateAnswer> {
  const site = siteOf(secrets);
  const body = payBody("4111111111111111", {
    extra: { paymentNotifyUrl: `${site}/api/webhooks/antom`, paymentRedirectUrl: `${site}/return`, [field]: url },
  });
  const answer = await antomCall("pay", body, { privateKey: secrets.antomPrivateKey });
  const result = answer.body.result as { resultCode: string; resultStatus: string; resultMessage: string };
  return { accepted: result.resultStatus !== "F", code: result.resultCode, message: result.resultMessage };
}

/** Lesspay create-order (cashier) with `field` set to `url`. */
export async function createAtLesspay(
  field: "notify_url" | "success_url" | "fail_url",
  url: string,
  secrets: MerchantSecrets = {},
): Promise<CreateAnswer> {
  const answer = await lesspayCall(
    "create-order",
    cashierBody({
      extra: {
        notify_url: `${siteOf(secrets)}/api/webhooks/lesspay`,
        success_url: `${siteOf(secrets)}/success`,
        fail_url: `${siteOf(secrets)}/fail`,
        [field]: url,
      },
    }),
    { secret: secrets.lesspayAppSecret ?? LESSPAY_APP_SECRET },
  );
  return { accepted: answer.code === 0, code: answer.code, message: String(answer.body.msg) };
}

/** Ping Payments: a payment order, then a payment in it with `field` set to `url`. */
export async function createAtPingPayments(
  field: "status_callback_url" | "success_url" | "error_url",
  url: string,
  secrets: MerchantSecrets = {},
): Promise<CreateAnswer> {
  const headers = {
    ...EMULATOR_TENANT,
    "x-api-secret": secrets.pingpaymentsApiSecret ?? EMULATOR_TENANT["x-api-secret"],
  };
  const order = await pingApi(
    "POST",
    "/payment_orders",
    { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" },
    headers,
  );
  if (order.status !== 200) throw new Error(`payment order: ${order.status} ${JSON.stringify(order.json)}`);
  const site = siteOf(secrets);
  const returnUrls = { success_url: `${site}/success`, error_url: `${site}/error` };
  const base = paymentBody({ status_callback_url: `${site}/api/webhooks/pingpayments` });
  const body =
    field === "status_callback_url"
      ? { ...base, provider_method_parameters: returnUrls, status_callback_url: url }
      : { ...base, provider_method_parameters: { ...returnUrls, [field]: url } };
  const payment = await pingApi("POST", `/payment_orders/${String(order.json!.id)}/payments`, body, headers);
  const errors = (payment.json?.errors ?? []) as { error: string; description: string; property: string | null }[];
  return {
    accepted: payment.status === 200,
    code: payment.status === 200 ? 200 : `${payment.status} ${errors.map((e) => `${e.error}@${e.property}`).join(",")}`,
    message: errors.map((e) => e.description).join(" "),
  };
}
