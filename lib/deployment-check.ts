import { PUBLISHED_SECRETS } from "@/lib/deployment-secrets";
import { isLoopbackHost, isPublicAppUrl } from "@/lib/public-mode";

type Env = Record<string, string | undefined>;

/** Each provider's base URL setting and the secret the shop signs with there. */
const SHOP_SECRETS = [
  {
    provider: "PingPongCheckout",
    baseUrl: "PINGPONG_BASE_URL",
    secret: "PINGPONG_SALT",
    published: PUBLISHED_SECRETS["pingpong-salt"],
    where: "the salt of your PingPong merchant account",
  },
  {
    provider: "Lesspay",
    baseUrl: "LESSPAY_BASE_URL",
    secret: "LESSPAY_APP_SECRET",
    published: PUBLISHED_SECRETS["lesspay-app-secret"],
    where: "the app secret Lesspay issued you",
  },
  {
    provider: "Ping Payments",
    baseUrl: "PINGPAYMENTS_BASE_URL",
    secret: "PINGPAYMENTS_API_SECRET",
    published: PUBLISHED_SECRETS["pingpayments-api-secret"],
    where: "your tenant's API secret from Ping Payments",
  },
  {
    provider: "Antom",
    baseUrl: "ANTOM_BASE_URL",
    secret: "ANTOM_PUBLIC_KEY",
    published: undefined,
    where: "Antom's public key from the Antom dashboard (and ANTOM_MERCHANT_PRIVATE_KEY, your private key)",
  },
] as const;

/** The emulators' own credentials, whose published values public mode refuses. */
const EMULATOR_SECRETS = [
  { name: "EMULATOR_PINGPONG_SALT", published: PUBLISHED_SECRETS["pingpong-salt"] },
  { name: "EMULATOR_LESSPAY_APP_SECRET", published: PUBLISHED_SECRETS["lesspay-app-secret"] },
  { name: "EMULATOR_PINGPAYMENTS_API_SECRET", published: PUBLISHED_SECRETS["pingpayments-api-secret"] },
] as const;

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
 * with the secret published in .env.example (or none), and, in public mode, any setting left at
 * a published value. Empty when the settings are safe.
 */
export function deploymentProblems(env: Env = process.env): string[] {
  const appUrl = env.APP_URL?.trim();
  const publicMode = appUrl ? isPublicAppUrl(appUrl) : false;
  const problems: string[] = [];
  for (const { provider, baseUrl, secret, published, where } of SHOP_SECRETS) {
    const value = env[secret]?.trim();
    const isPublished = value !== undefined && value === published;
    if (isRealProviderUrl(env[baseUrl], appUrl) && (!value || isPublished)) {
      problems.push(
        `${baseUrl} points at ${provider} (${env[baseUrl]}) but ${secret} is ${value ? "the value published in .env.example" : "not set"}: set ${secret} to ${where}.`,
      );
    } else if (publicMode && isPublished) {
      problems.push(
        `${secret} is the value published in .env.example, which anyone can sign with: remove it (each deployment generates its own into data/) or set a secret of your own.`,
      );
    }
  }
  if (publicMode) {
    for (const { name, published } of EMULATOR_SECRETS) {
      if (env[name]?.trim() === published)
        problems.push(
          `${name} is the value published in .env.example, which anyone can sign with: remove it (each deployment generates its own into data/) or set a secret of your own.`,
        );
    }
  }
  return problems;
}
