/**
 * A provider's code in the shopper's browser (a risk plugin, say): the server describes
 * it with public values only, and the checkout's generic components run it through this interface.
 * Types only: imported by client components and server code alike.
 */

/** What the server tells the browser about a provider's script: serializable, public values only. */
export interface BrowserExtensionSetup {
  provider: string;
  /** What the card form says while the provider's card check runs. */
  checkingLabel: string;
  /** Its public configuration (script URL, account ids), as its browser code reads it. */
  config: Record<string, string>;
}

/** One checkout page's session with the script: the same ids for the card check and the 3DS hand-off. */
export interface BrowserSession {
  requestId: string;
  merchantUserId: string;
}

export interface TypedCard {
  number: string;
  expiryMonth: string;
  expiryYear: string;
  brand: string;
}

/** A provider's browser code (lib/providers/<id>/browser.ts), listed in lib/providers/browser.ts. */
export interface BrowserExtension {
  provider: string;
  /** The form fields it sends with a card payment before any check ran. */
  initialFields(session: BrowserSession): Record<string, string>;
  /** Runs its card check: the form fields to send, and whether the check came back. */
  checkCard(
    setup: BrowserExtensionSetup,
    session: BrowserSession,
    card: TypedCard,
  ): Promise<{ fields: Record<string, string>; checked: boolean }>;
  /**
   * Loads its script for a 3-D Secure hand-off: resolves with what starts it (the provider's trigger,
   * as it came, goes to the script, which leads the browser on and calls `done` when finished), or
   * undefined when the script is not there.
   */
  handOff(
    setup: BrowserExtensionSetup,
    session: BrowserSession,
  ): Promise<((trigger: unknown, done: () => void) => void) | undefined>;
}
