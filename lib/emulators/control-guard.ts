import { isStandaloneEmulators } from "@/lib/serve-mode";
import { baseUrlSetting } from "./descriptor";
import { findEmulator } from "./index";

/**
 * Whether control is disabled for `provider`: it is no emulator of the list, or the shop's base
 * URL for it (baseUrlSetting: `<ID>_BASE_URL`) is set and does not point at this provider's
 * emulator (`/emulators/<provider>`). Unset means the emulator: enabled. Answers the 404 to send,
 * or undefined when control is enabled. Reads env at call time. Serving the emulators alone
 * (SERVE=emulators) there is no shop, so no base URL of the shop's to follow: always enabled.
 */
export function controlGuard(
  provider: string,
  env: Record<string, string | undefined> = process.env,
): Response | undefined {
  if (!findEmulator(provider)) return Response.json({ error: `unknown provider ${provider}` }, { status: 404 });
  if (isStandaloneEmulators(env)) return undefined;
  const name = baseUrlSetting(provider);
  const value = env[name]?.trim();
  if (!value || value.includes(`/emulators/${provider}`)) return undefined;
  return Response.json({ error: `control is disabled: ${name} points at a real provider` }, { status: 404 });
}
