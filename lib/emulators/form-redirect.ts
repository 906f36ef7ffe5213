/** A hosted page's form answer: 303 to the next page, or back to the form with the error shown. */
export function seeOther(request: Request, step: { redirect: string } | { error: string }, formPath: string): Response {
  const target = "redirect" in step ? new URL(step.redirect, request.url) : new URL(`${formPath}?error=${encodeURIComponent(step.error)}`, request.url);
  return new Response(null, { status: 303, headers: { location: target.toString() } });
}

export async function formText(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  return Object.fromEntries([...form.entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]));
}
