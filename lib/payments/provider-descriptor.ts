import type { z } from "zod";
import type { DevKeyStore } from "@/lib/dev-keys";
import type { Storyline } from "@/lib/storylines";
import type { BrowserExtensionSetup } from "./browser-extension";
import type { PaymentProvider } from "./types";

/**
 * Everything the shop knows about one provider, exported by lib/providers/<id>/index.ts and
 * listed once in lib/providers/index.ts. Env, CSP, checkout, admin, redaction, start-up checks
 * and the demo iterate over that list; no other file names a provider.
 */
export interface ProviderDescriptor {
  id: string;
  displayName: string;
  /** What it does: its methods, payments, refunds, notifications (lib/providers/<id>/adapter.ts). */
  adapter: PaymentProvider;
  settings: {
    /** The env keys its folder reads, with their defaults. */
    schema: z.ZodObject;
    /** The env key of its base URL; unset, the provider is its emulator at EMULATORS_URL/<id>. */
    baseUrlKey: string;
    /** Its base URL as configured (read at first use, never at import). */
    baseUrl(): string;
  };
  /**
   * The secret the shop signs or verifies with at the real provider: a start with a real base URL
   * and this unset (or left at its published value) is refused, saying where to find it.
   */
  realProviderSecret: { key: string; where: string; published?: string };
  /** Secrets its client shares with its emulator: published locally, generated per deployment in public mode. */
  deploymentSecrets: readonly { name: string; published: string }[];
  /** Field and header names whose values are secret in its calls and notifications (masked in logs). */
  secretFields: readonly string[];
  /** Origins the browser needs besides its base URL's (which the shopper may be sent to): its scripts'. */
  cspOrigins?(): { connect: readonly string[] };
  /**
   * Its failure codes that mean the payment was called off (by the payer, or closed for another
   * way to pay) rather than refused: a shopper reads "canceled", not a failure in red.
   */
  canceledFailureCodes?: readonly string[];
  /** Its notifications are believed through a confirming call, not a signature: no bad signature to force. */
  unsignedNotifications?: boolean;
  /** Its code in the shopper's browser (e.g. a risk plugin and its 3DS hand-off), described with public values. */
  browserExtension?(): BrowserExtensionSetup;
  /** Its development key pairs (lib/dev-keys.ts), made where no PEM is configured; the bench makes them in its own folder. */
  devKeys?: DevKeyStore;
  /**
   * What `npm run bench` times "Pay" with: one of its methods, and the next action its first answer
   * carries (named in the bench's row). Unset: its first method, the next action named by the method's kind.
   */
  bench?: { method: string; next: string };
  /** Sample orders the demo reset makes with it, through its emulator. */
  demoOrders?: readonly DemoOrder[];
  /** Scripted demos of what it shows (/demo). */
  storylines?: readonly Storyline[];
}

export interface DemoOrder {
  /** The product's slug and how many. */
  product: string;
  quantity: number;
  email: string;
  name: string;
  method: string;
  /** A card of the emulators' catalogue, by brand and outcome; the holder is the shopper. */
  card?: { brand: string; outcome: "approve" | "decline"; reason?: string };
  /** Placed by the demo shopper's account (else a guest). */
  signedIn?: boolean;
}

/** A descriptor whose id and display name are its adapter's (one place for each). */
export function describeProvider(parts: Omit<ProviderDescriptor, "id" | "displayName">): ProviderDescriptor {
  return { id: parts.adapter.id, displayName: parts.adapter.displayName, ...parts };
}
