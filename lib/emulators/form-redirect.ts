import { readForm, readOptionalForm, refusalResponse } from "@/lib/security/request-body";

/** A card form's field that an error is about (the page links the error to it and moves focus there). */
export type CardFormField = "number" | "expiry" | "cvc" | "holder";

/** The hosted pages' form errors, by their message key (HostedCardForm.errors in messages/<locale>/hosted.json). */
export type HostedFormError =
  | "unknownPayment"
  | "enterValidNumber"
  | "numberNotValid"
  | "expiryFormat"
  | "futureExpiry"
  | "cvcDigits"
  | "securityCodeDigits"
  | "holderName";

/**
 * What a hosted page's form post leads to: the next page, or an error shown on the form (`error` in
 * English for API callers; `code`, the page's message key, shows it in the page's language).
 */
export type FormStep = { redirect: string } | { error: string; field?: CardFormField; code?: HostedFormError };

/**
 * A hosted page's form answer. Posted by the page's script (`Accept: application/json`): JSON, so
 * the page keeps what the payer typed and shows the error in place. Posted as a plain HTML form
 * (no JavaScript): 303 to the next page, or back to the form with the error (and its field) in the query.
 */
export function seeOther(request: Request, step: FormStep, formPath: string): Response {
  if (request.headers.get("accept")?.includes("application/json"))
    return "redirect" in step
      ? Response.json({ redirect: new URL(step.redirect, request.url).toString() })
      : Response.json({ error: step.error, field: step.field, code: step.code }, { status: 422 });
  const query =
    "redirect" in step
      ? ""
      : `?${new URLSearchParams({ error: step.error, ...(step.field && { field: step.field }), ...(step.code && { code: step.code }) })}`;
  const target = new URL("redirect" in step ? step.redirect : `${formPath}${query}`, request.url);
  return new Response(null, { status: 303, headers: { location: target.toString() } });
}

/**
 * A hosted page's form post as text fields, or the answer refusing it: 415 when it is not sent as
 * a form (JSON, plain text, no Content-Type), 400 when it does not parse, 413 over 1 MB.
 */
export async function formText(request: Request): Promise<Record<string, string> | Response> {
  const form = await readForm(request);
  if (!form.ok) return refusalResponse(form);
  return Object.fromEntries(
    [...form.value.entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]),
  );
}

/**
 * A hosted page's button (approve, cancel, agree, unlink…) reads no field, but what it is sent
 * must still be its form or nothing (QA hooks post an empty body): the answer refusing anything
 * else (415; 400 for a form that does not parse), or nothing.
 */
export async function buttonRefusal(request: Request): Promise<Response | undefined> {
  const form = await readOptionalForm(request);
  return form.ok ? undefined : refusalResponse(form);
}

/** The field a page's `?field=` names, when it is one of a card form's. */
export function cardFormField(name: string | undefined): CardFormField | undefined {
  const fields: readonly string[] = ["number", "expiry", "cvc", "holder"] satisfies CardFormField[];
  return fields.includes(name ?? "") ? (name as CardFormField) : undefined;
}

const FORM_ERRORS: readonly string[] = [
  "unknownPayment",
  "enterValidNumber",
  "numberNotValid",
  "expiryFormat",
  "futureExpiry",
  "cvcDigits",
  "securityCodeDigits",
  "holderName",
] satisfies HostedFormError[];

/** The error key a page's `?code=` names, when it is one of the hosted forms'. */
export function hostedFormError(code: string | undefined): HostedFormError | undefined {
  return FORM_ERRORS.includes(code ?? "") ? (code as HostedFormError) : undefined;
}
