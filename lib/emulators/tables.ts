import { activeTables } from "./dialect";
import * as postgresSchema from "./schema.pg";
import * as sqliteSchema from "./schema";

/** These tables on this process's dialect (lib/emulators/dialect.ts). */
export const {
  outbox,
  outboxAttempts,
  controlOverrides,
  controlForcedPayments,
  emulatorClock,
  signingSecretRotations,
} = activeTables(sqliteSchema, postgresSchema);
