import type { BrowserExtension } from "@/lib/payments/browser-extension";
import { pingPongRiskPlugin } from "./pingpong/browser";

/**
 * The providers' browser code, for the checkout's client components (which cannot import the
 * server-side list of lib/providers/index.ts): one line per provider that has a browser extension.
 */
const BROWSER_EXTENSIONS: readonly BrowserExtension[] = [pingPongRiskPlugin];

export function browserExtensionOf(provider: string): BrowserExtension | undefined {
  return BROWSER_EXTENSIONS.find((extension) => extension.provider === provider);
}
