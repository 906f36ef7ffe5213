// The bench's rows on PostgreSQL (the shop's DATABASE_URL): the same pending payments as
// ./seed.mjs writes to SQLite (an order, its item, its payment, with the provider's reference),
// written with node-postgres in one transaction, and the count of those the notifications moved.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { medianCalls } from "./load.mjs";
import { randomId } from "./seed.mjs";

const PRODUCT_ID = "prd_merino-beanie";

/** The bench's store of pending payments on the PostgreSQL at `url` (migrated by the shop that runs on it). */
export function postgresBenchStore(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    /** As seedPendingPayments (./seed.mjs): `rows` with their orderId. */
    async seed(rows) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const seeded = [];
        for (const row of rows) {
          const orderId = randomId("ord");
          await client.query(
            `INSERT INTO orders (id, user_id, checkout_token, email, name, address_line, city, postal_code, country, currency, total_amount, status)
             VALUES ($1, NULL, $2, 'bench@example.com', 'Bench Shopper', '1 Bench Street', 'Benchville', '12345', 'SE', $3, $4, 'pending')`,
            [orderId, randomUUID(), row.currency, row.amount],
          );
          await client.query(
            `INSERT INTO order_items (order_id, product_id, name, unit_amount, quantity) VALUES ($1, '${PRODUCT_ID}', 'Merino beanie', $2, 1)`,
            [orderId, row.amount],
          );
          await client.query(
            `INSERT INTO payments (id, order_id, provider, method, status, idempotency_key, amount, currency, capture_mode, captured_amount, refunded_amount, provider_payment_id, provider_data, next_action_type)
             VALUES ($1, $2, $3, $4, 'processing', $5, $6, $7, 'automatic', 0, 0, $8, $9, 'none')`,
            [
              row.paymentId,
              orderId,
              row.provider,
              row.method,
              randomUUID(),
              row.amount,
              row.currency,
              row.providerPaymentId,
              row.providerData ? JSON.stringify(row.providerData) : null,
            ],
          );
          seeded.push({ ...row, orderId });
        }
        await client.query("COMMIT");
        return seeded;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    /** How many of `paymentIds` (all `provider`'s) are succeeded now. */
    async succeeded(provider, paymentIds) {
      const { rows } = await pool.query(
        "SELECT count(*)::int AS n FROM payments WHERE provider = $1 AND status = 'succeeded' AND id = ANY($2)",
        [provider, paymentIds],
      );
      return rows[0].n;
    },
    /** As the SQLite store's (scripts/bench.mjs): per Pay of the bench, the time in calls to the provider and their number. */
    async providerCalls(provider) {
      const { rows } = await pool.query(
        `SELECT coalesce(sum((e.detail->>'durationMs')::numeric), 0) AS ms, count(e.id) AS calls
         FROM payments p JOIN orders o ON o.id = p.order_id
         LEFT JOIN payment_events e ON e.payment_id = p.id AND e.type = 'api_call' AND e.detail ? 'durationMs'
         WHERE p.provider = $1 AND o.email LIKE 'bench-%' GROUP BY p.id`,
        [provider],
      );
      return medianCalls(rows);
    },
    close: () => pool.end(),
  };
}
