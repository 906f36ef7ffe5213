import type { ComponentType } from "react";
import type { Table } from "drizzle-orm";
import type { AckRule, NotificationSigner } from "./outbox";
import type { EmulatorRoute } from "./routes";

/**
 * Everything the emulators' shared machinery needs to know about one emulator: each
 * lib/emulators/<id>/index.ts exports one, and lib/emulators/index.ts lists them. The catch-all
 * route, the control plane, reset, the outbox worker and the /emulators catalogue iterate over the
 * list; none of them names an emulator.
 */
export interface EmulatorDescriptor {
  /** The provider id: the emulator answers under /emulators/<id>, the control plane under /emulators/control/<id>. */
  id: string;
  /** How the catalogue and the forced-outcome forms name the provider. */
  name: string;
  /** Its API: every request under /emulators/<id>/ that no hosted page's folder serves (see ./routes.ts). */
  routes: readonly EmulatorRoute[];
  /** Its own tables in the emulators' database, on either dialect (reset empties them). */
  tables: readonly Table[];
  /** The answer its notifications need from the shop, when a bare 2xx is not enough. */
  acknowledgement?: AckRule;
  /** The payments it recorded for a merchant reference (the shop's payment id), with their statuses. */
  charges(reference: string): Promise<{ id: string; status: string }[]>;
  /** Work run on every outbox tick (settling pending payments, expiring codes), by a name unique across emulators. */
  jobs: Readonly<Record<string, () => Promise<void>>>;
  /**
   * The earliest emulator time (ms) after `after` at which one of its jobs will have work (a
   * settlement, a QR code expiring), so the clock's advance steps through them in order (./clock-advance.ts).
   */
  nextDeadline?: (after: Date) => Promise<number | undefined>;
  /**
   * Its configured shared secret (a signing salt or key, or an API secret), when its merchants
   * authenticate with one: the control plane may rotate it (../signing-secrets.ts). Absent for an
   * emulator whose merchants sign with key pairs.
   */
  sharedSecret?: () => string;
  /** How its notifications are signed, at each delivery attempt (none: they carry no signature). */
  notificationSigner?: NotificationSigner;
  /**
   * The request fields a forced outcome's scope is matched against (shown on its /emulators tab):
   * the merchant's reference, and the shopper's email (null when the provider's request has none).
   */
  scopeFields: { reference: string; email: string | null };
  /** Whether its notifications carry a signature (a forced `bad_signature` needs one to corrupt). */
  signsNotifications: boolean;
  /** Its section of the /emulators catalogue (loaded only by that page). */
  catalogue: () => Promise<ComponentType<CatalogueSectionProps>>;
}

export interface CatalogueSectionProps {
  /** Whether the visitor may use the control plane (public mode: an operator only). */
  mayForce: boolean;
}

/**
 * The shop's setting that points the provider at its emulator or at the real service,
 * `<ID>_BASE_URL`: the control plane is refused when it points elsewhere.
 */
export function baseUrlSetting(id: string): string {
  return `${id.toUpperCase()}_BASE_URL`;
}
