import { z } from "zod";

/**
 * What every form's server action answers when it does not redirect: one shape for the whole shop.
 * `message` says what was done, `error` why nothing was (in words for the person who asked),
 * `fieldErrors` what to fix beside each field, and `values` what was typed (never a card number or
 * security code), so a refused form comes back filled in.
 */
export interface ActionState<Field extends string = string> {
  message?: string;
  error?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Record<string, string>;
}

/** A server action's input read with its zod schema: the data, or the first problem in plain words. */
export type ParsedForm<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };

/**
 * Reads a form with `schema`. Every field is offered as the browser sent it (a string, or a File for
 * an upload); a field sent twice keeps its first value, as `FormData.get` does.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
  fallbackError = "Please check the form.",
): ParsedForm<z.output<Schema>> {
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) if (!(key in fields)) fields[key] = value;
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string") fieldErrors[field] ??= issue.message;
  }
  return { ok: false, error: parsed.error.issues[0]?.message ?? fallbackError, fieldErrors };
}
