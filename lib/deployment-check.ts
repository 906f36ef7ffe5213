import { SHOP_SECRET_NAMES } from "@/lib/deployment-secrets";
import { PROVIDERS } from "@/lib/providers";
import { isLoopbackHost, isPublicAppUrl } from "@/lib/public-mode";
import { isStandaloneEmulators } from "@/lib/serve-mode";

type Env = Record<string, string | undefined>;

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a provider base URL is a real provider: set, and neither on this machine nor on the
 * shop's own host (where the emulators are mounted).
 */
export function isRealProviderUrl(baseUrl: string | undefined, appUrl: string | undefined): boolean {
  const host = hostOf(baseUrl?.trim());
  if (!host) return false;
  return !isLoopbackHost(host) && host !== hostOf(appUrl);
}

/**
 * What stops this deployment from starting, each naming the setting to change: a real provider
 * (lib/providers/index.ts) with the secret published in .env.example (or none), and, in public
 * mode, any setting left at a published value. Empty when the settings are safe. The emulators
 * served alone (SERVE=emulators) have no shop: its provider settings are not theirs to check.
 */
export function deploymentProblems(env: Env = process.env): string[] {
  const appUrl = env.APP_URL?.trim();
  const publicMode = appUrl ? isPublicAppUrl(appUrl) : false;
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const { displayName, settings, realProviderSecret } of isStandaloneEmulators(env) ? [] : PROVIDERS) {
    const { baseUrlKey } = settings;
    const { key, where, published } = realProviderSecret;
    const value = env[key]?.trim();
    if (isRealProviderUrl(env[baseUrlKey], appUrl) && (!value || value === published)) {
      reported.add(key);
      problems.push(
        `${baseUrlKey} points at ${displayName} (${env[baseUrlKey]}) but ${key} is ${value ? "the value published in .env.example" : "not set"}: set ${key} to ${where}.`,
      );
    }
  }
  if (publicMode) {
    // Whichever setting holds it (the shop's or an emulator's), a published secret signs for anyone.
    const publishedValues = new Set(
      PROVIDERS.flatMap((provider) => provider.deploymentSecrets.map((s) => s.published)),
    );
    for (const [name, value] of Object.entries(env)) {
      if (reported.has(name) || value === undefined || !publishedValues.has(value.trim())) continue;
      problems.push(
        `${name} is the value published in .env.example, which anyone can sign with: remove it (each deployment generates its own into data/) or set a secret of your own.`,
      );
    }
  }
  return problems;
}

/** Every secret of this deployment: the shop's own and each provider's (made at start in public mode). */
export function everyDeploymentSecret(): { name: string; published?: string }[] {
  return [
    ...SHOP_SECRET_NAMES.map((name) => ({ name })),
    ...PROVIDERS.flatMap((provider) => provider.deploymentSecrets),
  ];
}
