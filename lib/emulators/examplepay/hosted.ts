import { buttonRefusal } from "../form-redirect";
import { notify } from "./api";
import { findPayment, settle } from "./store";

/** ExamplePay's hosted pay page [fixture]: approve or decline, then back to the shop. */

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function html(body: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><title>ExamplePay</title></head><body>${body}</body></html>`,
    {
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
    },
  );
}

export function payPage(id: string): Response {
  const payment = findPayment(id);
  if (!payment) return html("<h1>Unknown payment</h1>", 404);
  const amount = `${payment.amount} ${escape(payment.currency)} (minor units)`;
  if (payment.status !== "pending") return html(`<h1>This payment is ${payment.status}</h1>`);
  const base = `/emulators/examplepay/pay/${encodeURIComponent(payment.id)}`;
  return html(
    `<h1>ExamplePay (test only)</h1><p>${escape(payment.description)}: ${amount}</p>` +
      `<form method="post" action="${base}/approve"><button type="submit">Approve</button></form>` +
      `<form method="post" action="${base}/decline"><button type="submit">Decline</button></form>`,
  );
}

/** The shopper's answer: the payment settles once, the shop is notified, the shopper goes back. */
export async function answer(request: Request, id: string, approved: boolean): Promise<Response> {
  const refused = await buttonRefusal(request);
  if (refused) return refused;
  const settled = settle(id, approved ? "succeeded" : "failed");
  if (settled) await notify(settled, approved ? "payment.succeeded" : "payment.failed");
  const payment = settled ?? findPayment(id);
  if (!payment) return html("<h1>Unknown payment</h1>", 404);
  const target = payment.status === "succeeded" ? payment.returnUrl : payment.cancelUrl;
  return new Response(null, { status: 303, headers: { location: target } });
}
