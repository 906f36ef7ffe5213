import "server-only";
import { z } from "zod";
import { settings } from "@/lib/env";

/**
 * A provider's own settings: the env keys its folder reads, validated with zod and resolved at
 * first use, never at import (`next build` imports modules). Each default runs the shop against
 * the provider's built-in emulator.
 */
export function providerSettings<Schema extends z.ZodObject, Values>(
  schema: Schema,
  resolve: (env: z.infer<Schema>) => Values,
): () => Values {
  let cached: Values | undefined;
  return () => {
    if (cached) return cached;
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    cached = resolve(parsed.data);
    return cached;
  };
}

/** A provider's base URL, without a trailing slash: as configured, else its emulator's (EMULATORS_URL/<id>). */
export function baseUrlOf(id: string, configured: string | undefined): string {
  return (configured ?? `${settings().EMULATORS_URL}/${id}`).replace(/\/$/, "");
}

/** Whether a URL is one of the built-in emulators' (under EMULATORS_URL). */
export function isUnderEmulators(url: string): boolean {
  const emulators = settings().EMULATORS_URL;
  return url === emulators || url.startsWith(`${emulators}/`);
}
