import { readForm, readOptionalForm, refusalResponse } from "@/lib/security/request-body";

/** A hosted page's form answer: 303 to the next page, or back to the form with the error shown. */
export function seeOther(request: Request, step: { redirect: string } | { error: string }, formPath: string): Response {
  const target =
    "redirect" in step
      ? new URL(step.redirect, request.url)
      : new URL(`${formPath}?error=${encodeURIComponent(step.error)}`, request.url);
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
