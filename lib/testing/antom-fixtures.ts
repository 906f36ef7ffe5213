// Test helpers that talk to the Antom emulator over HTTP, as a merchant (or an official SDK) would.
import { randomUUID } from "node:crypto";
import { antomKey } from "@/lib/providers/antom/dev-keys";
import { parseSignatureHeader, signatureHeader, signMessage, verifyMessage } from "@/lib/emulators/antom/signature";

import { headerOf, jsonOf, startRecordingServer, type RecordedRequest } from "./recording-server";

export { sleep } from "./pingpayments-fixtures";
import { serverUrl } from "./server-url";
export { serverUrl } from "./server-url";

export const antomUrl = () => `${serverUrl()}/emulators/antom`;
export const ANTOM_CLIENT_ID = "SANDBOX_2026STOREFRONT01";

export const merchantPrivateKey = () => antomKey("merchantPrivate", "ANTOM_MERCHANT_PRIVATE_KEY");
export const antomPublicKey = () => antomKey("antomPublic", "ANTOM_PUBLIC_KEY");

export type Json = Record<string, unknown>;

export interface CallOptions {
  /** Call the sandbox path (/ams/sandbox/api/v1/...); by default when the client id starts SANDBOX_, as the official SDKs do. */
  sandbox?: boolean;
  clientId?: string;
  requestTime?: string;
  privateKey?: string;
  /** Sign this path instead of the one called. */
  signedPath?: string;
  /** Replace the signature header (null: none). */
  signature?: string | null;
}

export interface AntomAnswer {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
  /** Whether the response signature verifies with Antom's public key. */
  verified: boolean;
}

export function apiPath(action: string, sandbox = false): string {
  return `/ams/${sandbox ? "sandbox/" : ""}api/v1/payments/${action}`;
}

/** Verifies a response (or notification) signature header over path, client-id, time and body. */
export function verifyAntom(
  path: string,
  clientId: string,
  time: string,
  body: string,
  header: string | null | undefined,
): boolean {
  const parsed = parseSignatureHeader(header);
  return !!parsed && verifyMessage(antomPublicKey(), path, clientId, time, body, parsed.signature);
}

/** POSTs a signed request to the emulator's API, as the official SDKs do. */
export async function antomCall(action: string, body: Json | string, options: CallOptions = {}): Promise<AntomAnswer> {
  const clientId = options.clientId ?? ANTOM_CLIENT_ID;
  const path = apiPath(action, options.sandbox ?? clientId.startsWith("SANDBOX_"));
  const requestTime = options.requestTime ?? String(Date.now());
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=UTF-8",
    "Client-Id": clientId,
    "Request-Time": requestTime,
  };
  const signature =
    options.signature !== undefined
      ? options.signature
      : signatureHeader(
          signMessage(
            options.privateKey ?? merchantPrivateKey(),
            options.signedPath ?? path,
            clientId,
            requestTime,
            raw,
          ),
        );
  if (signature !== null) headers.Signature = signature;
  const response = await fetch(`${antomUrl()}${path}`, { method: "POST", headers, body: raw });
  const text = await response.text();
  const verified = verifyAntom(
    path,
    response.headers.get("client-id") ?? "",
    response.headers.get("response-time") ?? "",
    text,
    response.headers.get("signature"),
  );
  return { status: response.status, body: JSON.parse(text) as Json, text, headers: response.headers, verified };
}

export interface PayOptions {
  paymentRequestId?: string;
  value?: string;
  currency?: string;
  captureMode?: "AUTOMATIC" | "MANUAL";
  notifyUrl?: string;
  firstName?: string;
  lastName?: string;
  cvv?: string;
  zip?: string;
  meta?: Json;
  extra?: Json;
}

/** A pay body for a card number (CASHIER_PAYMENT, authorization). */
export function payBody(cardNo: string, options: PayOptions = {}): Json {
  const value = options.value ?? "1314";
  const currency = options.currency ?? "EUR";
  return {
    productCode: "CASHIER_PAYMENT",
    paymentRequestId: options.paymentRequestId ?? `PAY_${randomUUID()}`,
    paymentAmount: { currency, value },
    order: {
      orderAmount: { currency, value },
      referenceOrderId: `ORDER_${randomUUID()}`,
      orderDescription: "Test order",
      buyer: { referenceBuyerId: "buyer-1", buyerEmail: "shopper@example.com" },
    },
    paymentMethod: {
      paymentMethodType: "CARD",
      paymentMethodMetaData: {
        cardNo,
        cvv: options.cvv ?? "123",
        expiryYear: "35",
        expiryMonth: "12",
        cardholderName: { firstName: options.firstName ?? "Test", lastName: options.lastName ?? "Payer" },
        billingAddress: { region: "US", zipCode: options.zip ?? "10001", city: "New York", address1: "1 Main St" },
        is3DSAuthentication: false,
        ...options.meta,
      },
    },
    paymentFactor: { isAuthorization: true, captureMode: options.captureMode ?? "AUTOMATIC" },
    paymentNotifyUrl: options.notifyUrl ?? "http://127.0.0.1:9/api/webhooks/antom",
    paymentRedirectUrl: "http://localhost:9/checkout/antom/return",
    env: { terminalType: "WEB", clientIp: "127.0.0.1", browserInfo: { userAgent: "vitest", language: "en-US" } },
    ...options.extra,
  };
}

/** A pay body charging a stored card token (customer-initiated unless `mit` is given). */
export function tokenPayBody(token: string, options: PayOptions & { mit?: "UNSCHEDULED" | "RECURRING" } = {}): Json {
  const body = payBody("4111111111111111", options);
  body.paymentMethod = { paymentMethodType: "CARD", paymentMethodId: token };
  if (options.mit) {
    body.isMerchantInitiated = true;
    body.merchantInitiatedType = options.mit;
  }
  return body;
}

/** Posts the 3DS page's form as the shopper's browser would; answers the 303. */
export async function postChallenge(paymentId: string, code: string) {
  const response = await fetch(`${antomUrl()}/3ds/${paymentId}/submit`, {
    method: "POST",
    body: new URLSearchParams({ code }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}

export const ANTOM_ACK = { result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" } };

export interface CaughtNotification extends RecordedRequest {
  json: Json;
  /** Whether the signature verifies over the request path (Antom's key). */
  verified: boolean;
}

/**
 * A merchant notification endpoint on loopback (path /api/webhooks/antom) that records every
 * request and answers with the scripted answers in turn (the last one repeats); default the ack.
 */
export function startAntomCatcher(
  answers: { status: number; body: string }[] = [{ status: 200, body: JSON.stringify(ANTOM_ACK) }],
) {
  return startRecordingServer<CaughtNotification>({
    path: "/api/webhooks/antom",
    answers,
    contentType: "application/json",
    noun: "notifications",
    describe: (request) => ({
      ...request,
      json: jsonOf(request.body) as Json,
      verified: verifyAntom(
        request.path,
        headerOf(request, "client-id") ?? "",
        headerOf(request, "request-time") ?? "",
        request.body,
        headerOf(request, "signature"),
      ),
    }),
  });
}
