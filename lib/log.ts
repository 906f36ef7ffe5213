import { redact } from "@/lib/payments/redact";
import { providerSecretFields } from "@/lib/payments/registry";

type Level = "debug" | "info" | "warn" | "error";

/** One JSON line per event on stdout/stderr, always redacted (no card number, CVV or secret, the shop's or any provider's). */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (level === "debug" && !process.env.DEBUG_PAYMENTS) return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...redact(fields, providerSecretFields()),
  });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
