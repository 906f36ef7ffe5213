import Database from "better-sqlite3";
import { asc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as schema from "./schema";
import { payments, storedCredentials } from "./schema";
import type { ShopDatabase } from "./client";
import { CATALOGUE, seedShop } from "./seed";

const SHOP_MIGRATIONS = resolve("drizzle/shop");
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The shop's migrations up to `tag`: what an older release migrated its database with. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-migrations-"));
  made.push(dir);
  cpSync(SHOP_MIGRATIONS, dir, { recursive: true });
  const journalFile = join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** A database in memory, as an older release left it (migrated up to `tag`). */
function databaseMigratedTo(tag: string) {
  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  const database = drizzle(sqlite);
  migrate(database, { migrationsFolder: migrationsUpTo(tag) });
  return { sqlite, database };
}

describe("0005_payment_flags", () => {
  it("moves the shop's own flags and the typed card out of provider_data into their columns", () => {
    const { sqlite, database } = databaseMigratedTo("0004_revoked_sessions");
    sqlite
      .prepare(
        `INSERT INTO orders (id, checkout_token, email, name, address_line, city, postal_code, country, currency, total_amount)
         VALUES ('ord_1', 'token_1', 'a@example.test', 'A', 'Street 1', 'Town', '12345', 'SE', 'SEK', 2500)`,
      )
      .run();
    const insert = sqlite.prepare(
      `INSERT INTO payments (id, order_id, provider, method, idempotency_key, amount, currency, provider_data, card_brand, card_last4)
       VALUES (?, 'ord_1', 'any', 'card', ?, 2500, 'SEK', ?, ?, ?)`,
    );
    const rows: [string, Record<string, string> | null, string | null, string | null][] = [
      [
        "pay_a",
        { saveCard: "1", merchantInitiated: "1", startAnswer: "unknown", payment_order_id: "po_1" },
        null,
        null,
      ],
      ["pay_b", { saveCard: "1", cardBrand: "visa", cardLast4: "4242", cardExpiry: "12/34" }, null, null],
      ["pay_c", { sdkTrigger: JSON.stringify({ opaque: "x", list: [1] }), riskRequestId: "rq_1" }, null, null],
      ["pay_d", { cardBrand: "visa", cardLast4: "4242" }, "mastercard", "5454"],
      ["pay_e", null, null, null],
    ];
    for (const [id, data, brand, last4] of rows)
      insert.run(id, `key_${id}`, data && JSON.stringify(data), brand, last4);

    migrate(database, { migrationsFolder: SHOP_MIGRATIONS });

    const migrated = database.select().from(payments).orderBy(asc(payments.id)).all();
    const facts = migrated.map((p) => ({
      providerData: p.providerData,
      saveCard: p.saveCard,
      merchantInitiated: p.merchantInitiated,
      startAnswerUnknown: p.startAnswerUnknown,
      nextActionSdkTrigger: p.nextActionSdkTrigger,
      card: [p.cardBrand, p.cardLast4, p.cardExpiry],
    }));
    const none = { saveCard: false, merchantInitiated: false, startAnswerUnknown: false, nextActionSdkTrigger: null };
    expect(facts).toEqual([
      {
        ...none,
        providerData: { payment_order_id: "po_1" },
        saveCard: true,
        merchantInitiated: true,
        startAnswerUnknown: true,
        card: [null, null, null],
      },
      { ...none, providerData: {}, saveCard: true, card: ["visa", "4242", "12/34"] },
      {
        ...none,
        providerData: { riskRequestId: "rq_1" },
        nextActionSdkTrigger: { opaque: "x", list: [1] },
        card: [null, null, null],
      },
      // The card the provider reported stays; the typed one only fills a gap.
      { ...none, providerData: {}, card: ["mastercard", "5454", null] },
      { ...none, providerData: null, card: [null, null, null] },
    ]);
    sqlite.close();
  });
});

describe("0006_one_active_wallet_link", () => {
  it("keeps the newest of a wallet's active links, revokes the older ones, then holds one active link per wallet", () => {
    const { sqlite, database } = databaseMigratedTo("0005_payment_flags");
    for (const user of ["usr_a", "usr_b"])
      sqlite
        .prepare(`INSERT INTO users (id, email, name, password_hash) VALUES (?, ?, 'Shopper', 'x')`)
        .run(user, `${user}@example.test`);
    const insert = sqlite.prepare(
      `INSERT INTO stored_credentials (id, user_id, provider, kind, token, brand, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows: [string, string, string, "wallet" | "card", string, string, number][] = [
      // usr_a linked GCash three times (the last two in the same millisecond) and AlipayHK once.
      ["crd_1", "usr_a", "wallets", "wallet", "GCash", "active", 1000],
      ["crd_2", "usr_a", "wallets", "wallet", "GCash", "active", 2000],
      ["crd_3", "usr_a", "wallets", "wallet", "GCash", "active", 2000],
      ["crd_4", "usr_a", "wallets", "wallet", "GCash", "revoked", 3000],
      ["crd_5", "usr_a", "wallets", "wallet", "AlipayHK", "active", 1000],
      // Another shopper's GCash, another provider's GCash, and two cards of one brand: not duplicates.
      ["crd_6", "usr_b", "wallets", "wallet", "GCash", "active", 1000],
      ["crd_7", "usr_a", "others", "wallet", "GCash", "active", 1000],
      ["crd_8", "usr_a", "wallets", "card", "Visa", "active", 1000],
      ["crd_9", "usr_a", "wallets", "card", "Visa", "active", 2000],
    ];
    for (const [id, user, provider, kind, brand, status, at] of rows)
      insert.run(id, user, provider, kind, `tok_${id}`, brand, status, at);

    migrate(database, { migrationsFolder: SHOP_MIGRATIONS });

    const statuses = database
      .select({ id: storedCredentials.id, status: storedCredentials.status })
      .from(storedCredentials)
      .orderBy(asc(storedCredentials.id))
      .all();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      crd_1: "revoked",
      crd_2: "revoked",
      crd_3: "active",
      crd_4: "revoked",
      crd_5: "active",
      crd_6: "active",
      crd_7: "active",
      crd_8: "active",
      crd_9: "active",
    });
    expect(() => insert.run("crd_10", "usr_a", "wallets", "wallet", "tok_crd_10", "GCash", "active", 4000)).toThrow(
      /UNIQUE constraint failed/,
    );
    insert.run("crd_11", "usr_a", "wallets", "wallet", "tok_crd_11", "GCash", "pending", 4000);
    sqlite.close();
  });
});

describe("0007_product_translations", () => {
  it("gives a catalogue seeded by an older release its translations on the next start, once", async () => {
    const { sqlite } = databaseMigratedTo("0006_one_active_wallet_link");
    sqlite
      .prepare(
        `INSERT INTO products (id, slug, name, description, category, image) VALUES ('prd_merino-beanie', 'merino-beanie', 'Merino beanie', 'Old words', 'Apparel', '/products/merino-beanie.svg')`,
      )
      .run();
    const database = drizzle(sqlite, { schema });
    migrate(database, { migrationsFolder: SHOP_MIGRATIONS });

    // The shop's seed, written against the PostgreSQL surface both drivers answer (lib/db/client.ts).
    await seedShop(database as unknown as ShopDatabase);
    await seedShop(database as unknown as ShopDatabase);

    const translations = database.select().from(schema.productTranslations).all();
    expect(translations).toHaveLength(CATALOGUE.filter((item) => item.translations.zh).length);
    expect(translations.find((row) => row.productId === "prd_merino-beanie")).toMatchObject({
      locale: "zh",
      name: "美利奴毛线帽",
    });
    // The product the older release stored keeps its own words.
    expect(
      database
        .select()
        .from(schema.products)
        .all()
        .find((row) => row.slug === "merino-beanie")?.description,
    ).toBe("Old words");
    sqlite.close();
  });
});
