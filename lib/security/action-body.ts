import "server-only";
import { type BodyRefusal, isFormType, MAX_BODY_BYTES, parseForm, parseJson, readBytes } from "./request-body";

/**
 * The bodies Next decodes itself, before any code of the shop runs: a server action's (a POST
 * with `Next-Action`: its argument list, React-encoded) and any multipart POST (Next tries each
 * as a no-JavaScript form action). Next answers 500 for every one it cannot decode, one over
 * `serverActions.bodySizeLimit` included; proxy.ts checks them first with this and answers 4xx.
 */
export function nextDecodesBody(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  return headers.has("next-action") || /^multipart\/form-data\b/i.test(headers.get("content-type")?.trim() ?? "");
}

/** React's reply rows: `0` is the argument list, other numbered fields rows it refers to (the form's own fields carry a prefix). */
const REPLY_ROW = /^S?\d+$/;
/** A no-JavaScript form action's bound arguments, `$ACTION_<n>:<row>` (React parses them as reply rows too). */
const BOUND_ROW = /^\$ACTION_\d+:\d+$/;

/**
 * Why Next could not decode this body (413 over `limitBytes`, the size limit next.config.mjs gives
 * server actions; 400 for broken multipart, rows that are not JSON or nest too deep, an argument
 * list that is not a list), or nothing when it can.
 */
export async function actionBodyRefusal(
  request: Request,
  limitBytes = MAX_BODY_BYTES,
): Promise<BodyRefusal | undefined> {
  const bytes = await readBytes(request, limitBytes);
  if (!bytes.ok) return { status: bytes.status, error: `The form is larger than the ${limitBytes}-byte limit` };
  const isFetchAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type")?.trim() ?? "";
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const form = await parseForm(bytes.value, contentType);
    if (!form.ok) return form;
    for (const [name, value] of form.value) {
      if (typeof value !== "string" || !(isFetchAction ? REPLY_ROW : BOUND_ROW).test(name)) continue;
      const row = parseJson(value);
      if (!row.ok) return { status: 400, error: `The form's field ${name}: ${row.error}` };
      if (name === "0" && isFetchAction) {
        const refused = argumentListRefusal(row.value, request.headers.get("next-action") ?? "");
        if (refused) return refused;
      }
    }
    if (isFetchAction && typeof form.value.get("0") !== "string")
      return { status: 400, error: "The action's arguments are missing" };
    return undefined;
  }
  // Next answers a URL-encoded action 404 itself; any other body is the argument list as JSON text.
  if (!isFetchAction || isFormType(contentType)) return undefined;
  const list = parseJson(new TextDecoder().decode(bytes.value));
  if (!list.ok) return { status: 400, error: `The action's arguments: ${list.error}` };
  return argumentListRefusal(list.value, request.headers.get("next-action") ?? "");
}

/** React's reference to a FormData argument (its fields are the rows prefixed `<n>_`). */
const FORM_REFERENCE = /^\$K[0-9a-f]+$/;

/**
 * How many parameters the action declares, from its id: Next puts it in the id's first byte (bit
 * 0 "takes the rest", bits 1-6 which of the first six are used), and its client sends that many
 * arguments. Undefined when the id does not tell (a rest parameter, or not Next's shape).
 */
export function parametersOf(actionId: string): number | undefined {
  if (!/^[0-9a-f]{2}/i.test(actionId)) return undefined;
  const info = parseInt(actionId.slice(0, 2), 16);
  if (info & 0x1) return undefined;
  const used = (info >> 1) & 0x3f;
  // Bit 5 is the first parameter, bit 0 the sixth: the last used one says how many are sent.
  for (let count = 6; count > 0; count--) if (used & (1 << (6 - count))) return count;
  return 0;
}

/**
 * Every server action of this shop is a form's action, the form its last parameter (after the
 * previous state, for `useActionState`). An argument list without the form where the action
 * takes one (`[1]`, `[]`, a list of strings) would reach code that reads a FormData and fail
 * with a 500: it is refused here instead. An action added later that takes other arguments must
 * relax this.
 */
function argumentListRefusal(list: unknown, actionId: string): BodyRefusal | undefined {
  if (!Array.isArray(list)) return { status: 400, error: "The action's arguments are not a list" };
  const count = parametersOf(actionId);
  if (count === undefined || count === 0) return undefined;
  const form: unknown = list[count - 1];
  if (list.length !== count || typeof form !== "string" || !FORM_REFERENCE.test(form))
    return { status: 400, error: "The action's arguments do not end with its form" };
  return undefined;
}
