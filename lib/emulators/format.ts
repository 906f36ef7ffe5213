/** The emulators format amounts for their hosted pages themselves (they share no code with the shop), in the page's language. */
export function formatMinorUnits(amount: number, currency: string, locale = "en-US"): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  const exponent = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const digits = String(amount).padStart(exponent + 1, "0");
  const decimal = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return formatter.format(decimal as unknown as number);
}
