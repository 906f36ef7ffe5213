import { getLocale, getTranslations } from "next-intl/server";
import { hostedFormError } from "./form-redirect";
import { INTL_LOCALE } from "./hosted-locale";

/**
 * A form error a hosted page got in its query (`?error=…&code=…`, from a post without JavaScript):
 * in the page's language when `code` is one of the forms' message keys, else as sent.
 */
export async function formErrorText(error: string | undefined, code: string | undefined): Promise<string | undefined> {
  if (!error) return undefined;
  const known = hostedFormError(code);
  return known ? (await getTranslations("HostedCardForm.errors"))(known) : error;
}

/** The Intl locale of the hosted page being rendered (for its amounts). */
export async function hostedIntlLocale(): Promise<string> {
  return INTL_LOCALE[await getLocale()];
}
