import "server-only";
/**
 * Reading a request body that anyone may send: bounded in size (413), JSON bounded in depth and
 * checked before anything walks it (400), forms only as forms (415) and only when they parse
 * (400). Route handlers read their bodies through here, and proxy.ts uses the same reads for the
 * server-action bodies Next decodes itself. Web APIs only (no Node modules): proxy.ts runs it too.
 */

/** What the shop's route handlers and server actions take at most (Next's default for actions). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * No notification, provider request or action argument list nests anywhere near this deep; a
 * deeper document could only overflow the stack of whatever walks it (signing, redaction, React).
 */
export const MAX_JSON_DEPTH = 64;

export type BodyRefusal = { status: 400 | 413 | 415; error: string };
export type BodyRead<T> = { ok: true; value: T } | ({ ok: false } & BodyRefusal);

const refuse = (status: BodyRefusal["status"], error: string): { ok: false } & BodyRefusal => ({
  ok: false,
  status,
  error,
});

/** The refusal as the shop answers it: `{error}` with its status. */
export function refusalResponse(refusal: BodyRefusal): Response {
  return Response.json({ error: refusal.error }, { status: refusal.status });
}

/** The body's bytes, refused with 413 past `maxBytes` (by Content-Length, or while reading a chunked one). */
export async function readBytes(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead<Uint8Array>> {
  const tooLarge = refuse(413, `The body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, value: bytes };
}

/** The body as text (UTF-8), at most `maxBytes`. */
export async function readText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead<string>> {
  const read = await readBytes(request, maxBytes);
  return read.ok ? { ok: true, value: new TextDecoder().decode(read.value) } : read;
}

/** Whether JSON text nests objects and arrays deeper than `maxDepth` (one pass, no recursion; strings skipped). */
export function nestsDeeperThan(text: string, maxDepth = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/** JSON text parsed, or why not: too deep (checked first, so nothing deep is ever built) or not JSON. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): BodyRead<unknown> {
  if (nestsDeeperThan(text, maxDepth)) return refuse(400, `The JSON nests deeper than ${maxDepth} levels`);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return refuse(400, "The body is not valid JSON");
  }
}

/** The body as JSON: at most `maxBytes`, at most MAX_JSON_DEPTH deep. */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead<unknown>> {
  const text = await readText(request, maxBytes);
  return text.ok ? parseJson(text.value) : text;
}

const FORM_ONLY = "The form must be sent as application/x-www-form-urlencoded or multipart/form-data";
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** Whether a Content-Type names an HTML form's encoding (urlencoded or multipart). */
export function isFormType(contentType: string | null): boolean {
  return FORM_TYPES.test(contentType?.trim() ?? "");
}

/** `bytes` parsed as the form its Content-Type says; 400 when they are not one. */
export async function parseForm(bytes: Uint8Array, contentType: string): Promise<BodyRead<FormData>> {
  try {
    return {
      ok: true,
      value: await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData(),
    };
  } catch {
    return refuse(400, "The form data is malformed");
  }
}

/** The body as an HTML form: 415 for any other Content-Type, 400 when it does not parse, 413 past `maxBytes`. */
export async function readForm(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead<FormData>> {
  const contentType = request.headers.get("content-type");
  if (!contentType || !isFormType(contentType)) return refuse(415, FORM_ONLY);
  const bytes = await readBytes(request, maxBytes);
  return bytes.ok ? parseForm(bytes.value, contentType) : bytes;
}

/** Like readForm, but an empty body (a button posted with no fields, or by a script) is no form and no refusal. */
export async function readOptionalForm(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<BodyRead<FormData | undefined>> {
  const contentType = request.headers.get("content-type");
  const bytes = await readBytes(request, maxBytes);
  if (!bytes.ok) return bytes;
  if (contentType && isFormType(contentType)) return parseForm(bytes.value, contentType);
  return bytes.value.byteLength === 0 ? { ok: true, value: undefined } : refuse(415, FORM_ONLY);
}

/** Whether every `%` of a URL's path starts a valid escape of UTF-8 (Next answers 500 for one that does not). */
export function hasValidPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
