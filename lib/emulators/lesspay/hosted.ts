import { formText, seeOther } from "../form-redirect";
import type { Step } from "./api";

/** A hosted page's answer: 303 to the next page (or JSON for the page's script), back to the form with the error, or 404. */
export function stepResponse(request: Request, step: Step, formPath: string): Response {
  if ("notFound" in step) return new Response("Unknown order", { status: 404 });
  return seeOther(request, step, formPath);
}

export { formText };

/** The amount as the hosted pages show it ("USD 12.50" formatted where Intl knows the currency). */
export function displayAmount(amount: string, currency: string, locale = "en-US"): string {
  try {
    const decimals = amount.includes(".") ? amount.split(".")[1].length : 0;
    return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: decimals }).format(
      Number(amount),
    );
  } catch {
    return `${amount} ${currency}`;
  }
}
