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
export async function actionBodyRefusal(request: Request, limitBytes = MAX_BODY_BYTES): Promise<BodyRefusal | undefined> {
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
        const refused = argumentListRefusal(row.value);
        if (refused) return refused;
      }
    }
    if (isFetchAction && typeof form.value.get("0") !== "string") return { status: 400, error: "The action's arguments are missing" };
    return undefined;
  }
  // Next answers a URL-encoded action 404 itself; any other body is the argument list as JSON text.
  if (!isFetchAction || isFormType(contentType)) return undefined;
  const list = parseJson(new TextDecoder().decode(bytes.value));
  if (!list.ok) return { status: 400, error: `The action's arguments: ${list.error}` };
  return argumentListRefusal(list.value);
}

/** React's reference to a FormData argument (its fields are the rows prefixed `<n>_`). */
const FORM_REFERENCE = /^\$K[0-9a-f]+$/;

/**
 * Every server action of this shop is a form's action: React calls it with the form last (after
 * the previous state, for `useActionState`). An argument list that does not end with a form
 * (`[1]`, `[]`, a list of strings) would reach an action that reads a FormData and fail with a
 * 500: it is refused here instead. An action added later that takes other arguments must relax this.
 */
function argumentListRefusal(list: unknown): BodyRefusal | undefined {
  if (!Array.isArray(list)) return { status: 400, error: "The action's arguments are not a list" };
  const last: unknown = list.at(-1);
  if (list.length > 2 || typeof last !== "string" || !FORM_REFERENCE.test(last)) return { status: 400, error: "The action's arguments do not end with its form" };
  return undefined;
}
