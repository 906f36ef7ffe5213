import "server-only";
import type { ProviderDescriptor } from "@/lib/payments/provider-descriptor";
import { testOnly } from "@/lib/test-only";
import { antomProvider } from "./antom";
import { examplePayProvider } from "./examplepay";
import { lesspayProvider } from "./lesspay";
import { pingPaymentsProvider } from "./pingpayments";
import { pingPongProvider } from "./pingpong";

/**
 * Every provider the shop can use, in the order checkout offers them. A new provider is a new
 * folder (lib/providers/<id>, its index.ts describing it) plus one line here. Providers inside
 * `testOnly([...])` are the tests' fixtures: listed only on the test servers (lib/test-only.ts).
 */
export const PROVIDERS: readonly ProviderDescriptor[] = [
  pingPaymentsProvider,
  pingPongProvider,
  antomProvider,
  lesspayProvider,
  ...testOnly([examplePayProvider]),
];

/**
 * The card processor when CARD_PROCESSOR is unset (lib/payments/card-processor.ts): Antom's card
 * form makes the fullest demo (the shop's own card fields, 3-D Secure, saving the card, capture later).
 */
export const DEFAULT_CARD_PROCESSOR = "antom:card";
