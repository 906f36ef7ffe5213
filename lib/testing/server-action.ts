// Calls one of the shop's server actions over HTTP as the browser's form does (React's reply
// encoding, the Next-Action header, a same-origin Origin), against a built server.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;

/** The action's id in the current build (`.next/server/server-reference-manifest.json`). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${filename} in the build: run \`npx next build\``);
  return found[0];
}

/**
 * Posts a `useActionState` form action: arguments (previous state, form data), encoded as React
 * encodes them (`0` = the argument list, `_1_<field>` = the form's fields, React 19.3).
 */
export function postFormAction(base: string, pagePath: string, actionId: string, fields: Record<string, string>, options: { cookie?: string; signal?: AbortSignal } = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([{}, "$K1"]));
  return fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: { "next-action": actionId, origin: base, accept: "text/x-component", ...(options.cookie ? { cookie: options.cookie } : {}) },
    body,
    redirect: "manual",
    signal: options.signal,
  });
}

/** The checkout form of a one-beanie cart, paid with `paymentMethod` (`provider:method`), and the cart cookie it needs. */
export function checkoutForm(paymentMethod: string, checkoutToken: string, card?: { number: string; expiry: string; cvc: string; holder: string }) {
  const fields: Record<string, string> = {
    checkoutToken,
    email: "crash-tester@example.com",
    name: "Crash Tester",
    addressLine: "1 Test Street",
    city: "Testville",
    postalCode: "12345",
    country: "SE",
    paymentMethod,
    ...(card ? { cardNumber: card.number, cardExpiry: card.expiry, cardCvc: card.cvc, cardHolder: card.holder } : {}),
  };
  const cookie = `cart=${encodeURIComponent(JSON.stringify([{ productId: "prd_merino-beanie", quantity: 1 }]))}`;
  return { fields, cookie };
}
