// The proof suites' notification drivers, one per provider, found by folder (./proof-driver-list.ts):
// each is the provider's part (./proof-driver.ts) with the shop's part added here, a shop order and
// payment in a given state.
import { randomUUID } from "node:crypto";
import { findPayment, insertPaymentOnce } from "@/lib/db/queries/payments";
import type { PaymentStatus } from "@/lib/db/schema";
import { newPaymentId } from "@/lib/ids";
import { findProvider } from "@/lib/payments/registry";
import { transitionPayment } from "@/lib/payments/transitions";
import type { Money, NotificationRequest, ProofDriver, TestPayment } from "./proof-driver";
import { loadProofDrivers } from "./proof-driver-list";
import { serverUrl } from "./server-url";
import { createTestOrder } from "./shop-fixtures";

export type { Money, NotificationRequest, Outcome, TestPayment } from "./proof-driver";

export interface CreateOptions extends Money {
  /** Where the shop's payment stands when the notification comes (default requires_action). */
  status?: PaymentStatus;
  captureMode?: "automatic" | "manual";
  /**
   * Whether the shop already has the provider's reference. Without it the notification finds the
   * payment by our own id, and the background reconciliation (which only asks about payments with
   * a reference) never touches it: tests that count rows stay exact.
   */
  withRef?: boolean;
}

/**
 * A provider's driver with the shop's side (`create` makes the payment its notifications are
 * about) and the provider's optional parts resolved to their defaults.
 */
export interface Driver extends Omit<
  ProofDriver,
  "staleProgress" | "crossedNames" | "strangerNamingOurs" | "withBody"
> {
  create(options: CreateOptions): Promise<TestPayment>;
  /** Undefined for a provider that notifies no progress it can move past. */
  staleProgress?: (payment: TestPayment) => Promise<NotificationRequest>;
  crossedNames(named: TestPayment, other: TestPayment): Promise<NotificationRequest>;
  strangerNamingOurs(named: TestPayment): Promise<NotificationRequest>;
  withBody(request: NotificationRequest, body: string): NotificationRequest;
}

function withDefaults(driver: ProofDriver): Driver {
  return {
    ...driver,
    create: (options) => createTestPayment(driver, options),
    staleProgress:
      driver.staleProgress ??
      (driver.outcomes.includes("processing") ? (payment) => driver.notification(payment, "processing") : undefined),
    crossedNames:
      driver.crossedNames ?? ((named, other) => driver.notification({ ...named, id: other.id }, "succeeded")),
    strangerNamingOurs:
      driver.strangerNamingOurs ?? ((named) => driver.notification({ ...named, ref: `${named.ref}0` }, "succeeded")),
    withBody: driver.withBody ?? ((request, body) => ({ headers: request.headers, body })),
  };
}

/** A shop order and payment for the driver's provider, moved to `options.status` as if the provider had answered. */
async function createTestPayment(driver: ProofDriver, options: CreateOptions): Promise<TestPayment> {
  const id = newPaymentId();
  const { ref, providerData } = await driver.reference(id, options);
  const orderId = await createTestOrder(options);
  await insertPaymentOnce({
    id,
    orderId,
    provider: driver.provider,
    method: "card",
    idempotencyKey: randomUUID(),
    amount: options.amount,
    currency: options.currency,
    captureMode: options.captureMode ?? "automatic",
  });
  const status = options.status ?? "requires_action";
  if (status !== "created") {
    await transitionPayment(
      id,
      status,
      {
        providerPaymentId: options.withRef ? ref : null,
        providerData,
        nextActionType: status === "requires_action" ? "redirect" : "none",
        nextActionUrl: status === "requires_action" ? "https://provider.example/pay" : null,
      },
      { provider: driver.provider, summary: "test set-up" },
    );
  }
  const payment = { id, orderId, provider: driver.provider, ref, amount: options.amount, currency: options.currency };
  return providerData ? { ...payment, providerData } : payment;
}

/** The providers this run's shop has: the tests' own fixture providers only where TEST_ONLY_PROVIDERS=on. */
async function loadDrivers(): Promise<Record<string, Driver>> {
  const drivers = (await loadProofDrivers()).filter((driver) => findProvider(driver.provider));
  return Object.fromEntries(drivers.map((driver) => [driver.provider, withDefaults(driver)]));
}

/** Every provider's driver, by provider id. */
export const DRIVERS: Readonly<Record<string, Driver>> = await loadDrivers();
/** The providers the proof suites run every "for each provider" case for. */
export const PROVIDERS: readonly string[] = Object.keys(DRIVERS);

export async function post(provider: string, request: NotificationRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(`${serverUrl()}/api/webhooks/${provider}`, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

export const paymentNow = async (payment: TestPayment) => (await findPayment(payment.id))!;
