import { appUrlOf } from "@/lib/public-mode";

/**
 * The emulators' own settings, read from the environment at each use. Never the shop's (lib/env):
 * an emulator stands for a provider, which knows of the shop only what it is told.
 */
export interface EmulatorSettings {
  /** The shop's address: the only site whose pages may use the control plane. */
  APP_URL: string;
  /** Bearer token of the control plane (unset: the deployment's generated one, lib/deployment-secrets.ts). */
  EMULATOR_CONTROL_TOKEN: string | undefined;
}

export function emulatorSettings(env: Record<string, string | undefined> = process.env): EmulatorSettings {
  return { APP_URL: appUrlOf(env), EMULATOR_CONTROL_TOKEN: env.EMULATOR_CONTROL_TOKEN };
}
