import { shopDialect } from "./dialect";
import * as postgresSchema from "./schema.pg";
import * as sqliteSchema from "./schema";

/**
 * The shop's tables on this process's dialect (chosen once, when the process starts: DATABASE_URL
 * set to a PostgreSQL URL, or SQLite). Typed as PostgreSQL's: both schemas have the same tables,
 * columns and row types (./schema-parity.test.ts), and the named queries are written against
 * drizzle's PostgreSQL surface (./client.ts). Row types (Payment, Order, …) come from ./schema.
 */
const active = (shopDialect() === "postgres" ? postgresSchema : sqliteSchema) as unknown as typeof postgresSchema;

export const {
  users,
  products,
  productPrices,
  productTranslations,
  orders,
  orderItems,
  payments,
  paymentEvents,
  storedCredentials,
  revokedSessions,
  limitCounters,
  notificationCounts,
  leases,
} = active;
