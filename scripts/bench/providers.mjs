// The providers the bench measures: the shop's one list (lib/providers/index.ts), as the bench's
// server has it. The bench names no provider: what "Pay" is timed with and which development keys
// are made come from each provider's descriptor (lib/payments/provider-descriptor.ts).
import { join } from "node:path";
import { ensureDevKeys } from "../../lib/dev-keys.ts";

/**
 * The part of the server's environment the list depends on: without the tests' own providers
 * (lib/test-only.ts), as `npm start` serves. The list is read when its module loads, so this
 * process sets it first and reads the list as the server will.
 */
export const LIST_ENV = { TEST_ONLY_PROVIDERS: "off" };
Object.assign(process.env, LIST_ENV);
const { PROVIDERS } = await import("../../lib/providers/index.ts");

/** The benched server's providers, in the order checkout offers them. */
export const providers = PROVIDERS;

/** The next action a method's first answer carries, for a provider that does not name it (its descriptor's `bench`). */
const NEXT_BY_KIND = {
  hosted: "redirect to its hosted page",
  redirect: "redirect to its page",
  qr: "order page with the QR code",
  card: "order page with the card result",
};

/**
 * What "Pay" is timed with at a provider: checkout's value for the method (`<provider>:<method>`),
 * the method's own name, the next action named in the row, and whether it takes a card.
 */
export function payMethod(provider) {
  const methods = provider.adapter.methods;
  const chosen = provider.bench ? methods.find((method) => method.method === provider.bench.method) : methods[0];
  if (!chosen) throw new Error(`${provider.id} has no method ${provider.bench?.method ?? "at all"} to pay with`);
  return {
    method: `${provider.id}:${chosen.method}`,
    name: chosen.method,
    next: provider.bench?.next ?? NEXT_BY_KIND[chosen.kind],
    card: chosen.kind === "card",
  };
}

/**
 * Makes each provider's development key pairs (its descriptor's `devKeys`) in `dir`/<id>, and
 * returns the environment that points the server and the drivers at them.
 */
export function benchDevKeys(dir) {
  return Object.fromEntries(
    providers
      .filter((provider) => provider.devKeys)
      .map((provider) => {
        const keysDir = join(dir, provider.id);
        ensureDevKeys(provider.devKeys, keysDir);
        return [provider.devKeys.dirVariable, keysDir];
      }),
  );
}
