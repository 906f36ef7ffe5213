// Writes the benchmark's orders and payments straight into a bench shop database (never
// data/shop.sqlite) with better-sqlite3, in big transactions: the same rows checkout writes
// (an order, its item, its payment), with ids in the shop's own format (lib/ids.ts).
import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { payMethod, providers } from "./providers.mjs";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const PRODUCT_ID = "prd_merino-beanie";

/** `prefix_` + 16 random base-36 characters, as lib/ids.ts makes them. */
export function randomId(prefix) {
  const bytes = randomBytes(16);
  let body = "";
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${body}`;
}

export function openShopDb(path) {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  db.pragma("synchronous = NORMAL");
  return db;
}

function statements(db) {
  return {
    order: db.prepare(
      `INSERT INTO orders (id, user_id, checkout_token, email, name, address_line, city, postal_code, country, currency, total_amount, status, created_at, updated_at)
       VALUES (?, NULL, ?, ?, 'Bench Shopper', '1 Bench Street', 'Benchville', '12345', 'SE', ?, ?, ?, ?, ?)`,
    ),
    item: db.prepare(
      `INSERT INTO order_items (order_id, product_id, name, unit_amount, quantity) VALUES (?, '${PRODUCT_ID}', 'Merino beanie', ?, 1)`,
    ),
    payment: db.prepare(
      `INSERT INTO payments (id, order_id, provider, method, status, idempotency_key, amount, currency, capture_mode, captured_amount, refunded_amount, provider_payment_id, provider_data, next_action_type, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'automatic', ?, 0, ?, ?, 'none', ?, ?)`,
    ),
  };
}

/**
 * Pending payments to be moved by the ingestion benchmark's notifications: one order and one
 * `processing` payment each, with the provider's reference.
 * `rows`: [{paymentId, provider, method, providerPaymentId, providerData?, amount, currency}].
 * Answers the rows with their orderId.
 */
export function seedPendingPayments(db, rows) {
  const sql = statements(db);
  const now = Date.now();
  const insert = db.transaction((list) =>
    list.map((row) => {
      const orderId = randomId("ord");
      sql.order.run(orderId, randomUUID(), "bench@example.com", row.currency, row.amount, "pending", now, now);
      sql.item.run(orderId, row.amount);
      sql.payment.run(
        row.paymentId,
        orderId,
        row.provider,
        row.method,
        "processing",
        randomUUID(),
        row.amount,
        row.currency,
        0,
        row.providerPaymentId,
        row.providerData ? JSON.stringify(row.providerData) : null,
        now,
        now,
      );
      return { ...row, orderId };
    }),
  );
  return insert(rows);
}

/** The bulk orders' payments, in turn at each provider with the method "Pay" is timed with. */
const PROVIDERS = providers.map((provider) => [provider.id, payMethod(provider).name]);
const STATUSES = ["succeeded", "succeeded", "succeeded", "succeeded", "failed", "processing", "refunded", "canceled"];

/**
 * Fills the database up to `total` bench orders (each with an item and a payment), spread over
 * the last two years, in transactions of 20 000 rows; `onProgress(done)` after each.
 */
export function seedOrders(db, total, onProgress = () => {}) {
  // Only the bench's own copy is written here: no crash safety needed while filling it, and a
  // big page cache keeps the random-key index inserts in memory.
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const sql = statements(db);
  const already = db.prepare("SELECT count(*) AS n FROM orders WHERE email = 'bulk@example.com'").get().n;
  const span = 2 * 365 * 24 * 3600 * 1000;
  const now = Date.now();
  const batch = db.transaction((count, offset) => {
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      const orderId = randomId("ord");
      const [provider, method] = PROVIDERS[n % PROVIDERS.length];
      const status = STATUSES[n % STATUSES.length];
      const amount = 1000 + (n % 9000);
      const createdAt = now - Math.floor(Math.random() * span);
      sql.order.run(
        orderId,
        randomUUID(),
        "bulk@example.com",
        "USD",
        amount,
        status === "succeeded" ? "paid" : status === "failed" ? "failed" : "pending",
        createdAt,
        createdAt,
      );
      sql.item.run(orderId, amount);
      sql.payment.run(
        randomId("pay"),
        orderId,
        provider,
        method,
        status,
        randomUUID(),
        amount,
        "USD",
        status === "succeeded" ? amount : 0,
        `BENCH${n}${randomBytes(4).toString("hex")}`,
        null,
        createdAt,
        createdAt,
      );
    }
  });
  for (let done = already; done < total;) {
    const count = Math.min(20_000, total - done);
    batch(count, done);
    done += count;
    onProgress(done);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
}

/** A sample of bench order ids, for the order lookup. */
export function sampleOrderIds(db, count) {
  return db
    .prepare("SELECT id FROM orders WHERE email = 'bulk@example.com' ORDER BY random() LIMIT ?")
    .all(count)
    .map((r) => r.id);
}
