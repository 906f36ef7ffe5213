import bcrypt from "bcryptjs";
import { count, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { hashPassword } from "@/lib/passwords";
import { isPublicMode } from "@/lib/public-mode";
import * as schema from "./schema";

type Prices = Record<"USD" | "EUR" | "HKD" | "SEK" | "CNY" | "JPY" | "KWD", number>;

/** The demo catalogue: one stored price per currency, in minor units (JPY has none, KWD has three). */
export const CATALOGUE: readonly {
  slug: string;
  name: string;
  category: string;
  description: string;
  prices: Prices;
  /** Made to order: authorized at checkout, charged when it ships. */
  captureMode?: "manual";
}[] = [
  {
    slug: "aurora-desk-lamp",
    name: "Aurora desk lamp",
    category: "Home",
    description: "A dimmable LED desk lamp with a warm-to-cool colour dial and a weighted aluminium base.",
    prices: { USD: 8900, EUR: 8200, HKD: 69500, SEK: 94900, CNY: 64900, JPY: 13500, KWD: 27500 },
  },
  {
    slug: "nordic-wool-throw",
    name: "Nordic wool throw",
    category: "Home",
    description: "Woven from undyed Swedish lambswool, 130 × 170 cm, with a classic star pattern.",
    prices: { USD: 12900, EUR: 11900, HKD: 99900, SEK: 134900, CNY: 92900, JPY: 19500, KWD: 39900 },
  },
  {
    slug: "stoneware-mug-set",
    name: "Stoneware mug set",
    category: "Kitchen",
    description: "Three hand-glazed stoneware mugs, 350 ml each, dishwasher safe.",
    prices: { USD: 4200, EUR: 3900, HKD: 32900, SEK: 44900, CNY: 29900, JPY: 6300, KWD: 12900 },
  },
  {
    slug: "pour-over-kettle",
    name: "Pour-over kettle",
    category: "Kitchen",
    description: "A 0.9 l gooseneck kettle with a built-in thermometer for precise pour-over coffee.",
    prices: { USD: 6500, EUR: 5900, HKD: 50900, SEK: 69900, CNY: 46900, JPY: 9800, KWD: 19900 },
  },
  {
    slug: "canvas-weekender",
    name: "Canvas weekender",
    category: "Travel",
    description: "Waxed cotton canvas with leather handles; fits as cabin luggage.",
    prices: { USD: 15900, EUR: 14900, HKD: 123900, SEK: 169900, CNY: 114900, JPY: 23800, KWD: 48900 },
  },
  {
    slug: "merino-beanie",
    name: "Merino beanie",
    category: "Apparel",
    description: "A ribbed beanie knitted from extra-fine merino wool. One size.",
    prices: { USD: 2900, EUR: 2700, HKD: 22900, SEK: 29900, CNY: 20900, JPY: 4400, KWD: 8900 },
  },
  {
    slug: "trail-runner-socks",
    name: "Trail runner socks",
    category: "Apparel",
    description: "Cushioned, seamless running socks with a merino blend. Pack of two.",
    prices: { USD: 1800, EUR: 1700, HKD: 13900, SEK: 18900, CNY: 12900, JPY: 2700, KWD: 5500 },
  },
  {
    slug: "walnut-notebook",
    name: "Walnut notebook",
    category: "Stationery",
    description: "A5 dotted notebook with a real walnut veneer cover and 192 pages of 100 g paper.",
    prices: { USD: 3400, EUR: 3100, HKD: 26500, SEK: 35900, CNY: 24500, JPY: 5100, KWD: 10500 },
  },
  {
    slug: "brass-fountain-pen",
    name: "Brass fountain pen",
    category: "Stationery",
    description: "Solid brass body that patinas with use, steel nib in fine or medium.",
    prices: { USD: 7500, EUR: 6900, HKD: 58500, SEK: 79900, CNY: 53900, JPY: 11300, KWD: 23100 },
  },
  {
    slug: "wireless-earbuds",
    name: "Wireless earbuds",
    category: "Electronics",
    description:
      "Noise-cancelling earbuds with 30 hours of battery in the charging case. Made to order: your card is charged when they ship.",
    captureMode: "manual",
    prices: { USD: 11900, EUR: 10900, HKD: 92900, SEK: 124900, CNY: 85900, JPY: 17900, KWD: 36700 },
  },
  {
    slug: "mechanical-keyboard",
    name: "Mechanical keyboard",
    category: "Electronics",
    description:
      "A compact 75% keyboard with hot-swappable tactile switches and PBT keycaps. Made to order: your card is charged when it ships.",
    captureMode: "manual",
    prices: { USD: 14900, EUR: 13900, HKD: 115900, SEK: 159900, CNY: 107900, JPY: 22400, KWD: 45900 },
  },
  {
    slug: "ceramic-planter",
    name: "Ceramic planter",
    category: "Home",
    description: "A matte ceramic planter with a drainage saucer, 18 cm across.",
    prices: { USD: 3900, EUR: 3600, HKD: 30500, SEK: 41900, CNY: 27900, JPY: 5900, KWD: 11900 },
  },
];

/** Demo accounts; their passwords are in the README (on a laptop: a public deployment makes its own, see demoPassword). */
export const DEMO_USERS = [
  {
    id: "usr_demo_shopper",
    email: "shopper@example.com",
    name: "Sam Shopper",
    password: "shopper-demo",
    role: "shopper",
  },
  {
    id: "usr_demo_operator",
    email: "operator@example.com",
    name: "Olive Operator",
    password: "operator-demo",
    role: "operator",
  },
] as const;

type DemoUser = (typeof DEMO_USERS)[number];

/**
 * A demo account's password: the README's on a laptop; in public mode, where the README's would
 * open the operator console and the emulators' control plane to anyone, one generated for this
 * deployment (`operator-password` / `shopper-password` in data/deployment-secrets.json).
 */
export function demoPassword(user: DemoUser): string {
  return isPublicMode() ? deploymentSecret(`${user.role}-password`) : user.password;
}

/**
 * Public mode: a demo account still on its published password (a database seeded on a laptop,
 * then deployed) gets this deployment's instead. Runs at every start; a bcrypt check per account.
 */
export function retirePublishedDemoPasswords(database: BetterSQLite3Database<typeof schema>): void {
  if (!isPublicMode()) return;
  for (const user of DEMO_USERS) {
    const stored = database
      .select({ hash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.id, user.id))
      .get();
    if (stored && bcrypt.compareSync(user.password, stored.hash)) {
      database
        .update(schema.users)
        .set({ passwordHash: hashPassword(demoPassword(user)) })
        .where(eq(schema.users.id, user.id))
        .run();
    }
  }
}

/** Inserts the catalogue and demo users where missing; running it again changes nothing. */
export function seedShop(database: BetterSQLite3Database<typeof schema>): void {
  const productCount = database.select({ n: count() }).from(schema.products).get()?.n ?? 0;
  const userCount = database.select({ n: count() }).from(schema.users).get()?.n ?? 0;
  if (productCount >= CATALOGUE.length && userCount >= DEMO_USERS.length) return;
  database.transaction(
    (tx) => {
      for (const item of CATALOGUE) {
        const id = `prd_${item.slug}`;
        tx.insert(schema.products)
          .values({
            id,
            slug: item.slug,
            name: item.name,
            category: item.category,
            description: item.description,
            image: `/products/${item.slug}.svg`,
            captureMode: item.captureMode ?? "automatic",
          })
          .onConflictDoNothing()
          .run();
        for (const [currency, amount] of Object.entries(item.prices)) {
          tx.insert(schema.productPrices).values({ productId: id, currency, amount }).onConflictDoNothing().run();
        }
      }
      for (const user of DEMO_USERS) {
        tx.insert(schema.users)
          .values({
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            passwordHash: hashPassword(demoPassword(user)),
          })
          .onConflictDoNothing()
          .run();
      }
    },
    { behavior: "immediate" },
  );
}
