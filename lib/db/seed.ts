import bcrypt from "bcryptjs";
import { count, eq } from "drizzle-orm";
import type { ShopDatabase } from "./client";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { hashPassword } from "@/lib/passwords";
import { isPublicMode } from "@/lib/public-mode";
import type { Locale } from "@/i18n/locales";
import * as tables from "./tables";

interface ProductWords {
  name: string;
  category: string;
  description: string;
}

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
  /** The product's words for shoppers reading another language (the catalogue's own is English). */
  translations: Readonly<Partial<Record<Exclude<Locale, "en">, ProductWords>>>;
}[] = [
  {
    slug: "aurora-desk-lamp",
    name: "Aurora desk lamp",
    category: "Home",
    description: "A dimmable LED desk lamp with a warm-to-cool colour dial and a weighted aluminium base.",
    translations: {
      zh: { name: "极光台灯", category: "家居", description: "可调光 LED 台灯，暖光到冷光旋钮调节，配加重铝制底座。" },
    },
    prices: { USD: 8900, EUR: 8200, HKD: 69500, SEK: 94900, CNY: 64900, JPY: 13500, KWD: 27500 },
  },
  {
    slug: "nordic-wool-throw",
    name: "Nordic wool throw",
    category: "Home",
    description: "Woven from undyed Swedish lambswool, 130 × 170 cm, with a classic star pattern.",
    translations: {
      zh: {
        name: "北欧羊毛毯",
        category: "家居",
        description: "以未染色的瑞典小羊毛织成，130 × 170 厘米，经典星形图案。",
      },
    },
    prices: { USD: 12900, EUR: 11900, HKD: 99900, SEK: 134900, CNY: 92900, JPY: 19500, KWD: 39900 },
  },
  {
    slug: "stoneware-mug-set",
    name: "Stoneware mug set",
    category: "Kitchen",
    description: "Three hand-glazed stoneware mugs, 350 ml each, dishwasher safe.",
    translations: {
      zh: {
        name: "粗陶马克杯套装",
        category: "厨房",
        description: "三只手工上釉的粗陶马克杯，每只 350 毫升，可用洗碗机清洗。",
      },
    },
    prices: { USD: 4200, EUR: 3900, HKD: 32900, SEK: 44900, CNY: 29900, JPY: 6300, KWD: 12900 },
  },
  {
    slug: "pour-over-kettle",
    name: "Pour-over kettle",
    category: "Kitchen",
    description: "A 0.9 l gooseneck kettle with a built-in thermometer for precise pour-over coffee.",
    translations: {
      zh: { name: "手冲壶", category: "厨房", description: "0.9 升鹅颈壶，内置温度计，手冲咖啡更精准。" },
    },
    prices: { USD: 6500, EUR: 5900, HKD: 50900, SEK: 69900, CNY: 46900, JPY: 9800, KWD: 19900 },
  },
  {
    slug: "canvas-weekender",
    name: "Canvas weekender",
    category: "Travel",
    description: "Waxed cotton canvas with leather handles; fits as cabin luggage.",
    translations: {
      zh: { name: "帆布旅行包", category: "旅行", description: "蜡染棉帆布配皮革提手，可作为登机行李。" },
    },
    prices: { USD: 15900, EUR: 14900, HKD: 123900, SEK: 169900, CNY: 114900, JPY: 23800, KWD: 48900 },
  },
  {
    slug: "merino-beanie",
    name: "Merino beanie",
    category: "Apparel",
    description: "A ribbed beanie knitted from extra-fine merino wool. One size.",
    translations: {
      zh: { name: "美利奴毛线帽", category: "服饰", description: "以超细美利奴羊毛织成的罗纹毛线帽，均码。" },
    },
    prices: { USD: 2900, EUR: 2700, HKD: 22900, SEK: 29900, CNY: 20900, JPY: 4400, KWD: 8900 },
  },
  {
    slug: "trail-runner-socks",
    name: "Trail runner socks",
    category: "Apparel",
    description: "Cushioned, seamless running socks with a merino blend. Pack of two.",
    translations: { zh: { name: "越野跑袜", category: "服饰", description: "含美利奴羊毛的无缝缓震跑袜，两双装。" } },
    prices: { USD: 1800, EUR: 1700, HKD: 13900, SEK: 18900, CNY: 12900, JPY: 2700, KWD: 5500 },
  },
  {
    slug: "walnut-notebook",
    name: "Walnut notebook",
    category: "Stationery",
    description: "A5 dotted notebook with a real walnut veneer cover and 192 pages of 100 g paper.",
    translations: {
      zh: { name: "胡桃木笔记本", category: "文具", description: "A5 点阵笔记本，真胡桃木饰面封面，192 页 100 克纸。" },
    },
    prices: { USD: 3400, EUR: 3100, HKD: 26500, SEK: 35900, CNY: 24500, JPY: 5100, KWD: 10500 },
  },
  {
    slug: "brass-fountain-pen",
    name: "Brass fountain pen",
    category: "Stationery",
    description: "Solid brass body that patinas with use, steel nib in fine or medium.",
    translations: {
      zh: { name: "黄铜钢笔", category: "文具", description: "实心黄铜笔身，越用越有包浆，钢笔尖可选细或中。" },
    },
    prices: { USD: 7500, EUR: 6900, HKD: 58500, SEK: 79900, CNY: 53900, JPY: 11300, KWD: 23100 },
  },
  {
    slug: "wireless-earbuds",
    name: "Wireless earbuds",
    category: "Electronics",
    description:
      "Noise-cancelling earbuds with 30 hours of battery in the charging case. Made to order: your card is charged when they ship.",
    captureMode: "manual",
    translations: {
      zh: {
        name: "无线耳机",
        category: "电子产品",
        description: "降噪耳机，充电盒续航 30 小时。按订单制作：发货时才从您的卡扣款。",
      },
    },
    prices: { USD: 11900, EUR: 10900, HKD: 92900, SEK: 124900, CNY: 85900, JPY: 17900, KWD: 36700 },
  },
  {
    slug: "mechanical-keyboard",
    name: "Mechanical keyboard",
    category: "Electronics",
    description:
      "A compact 75% keyboard with hot-swappable tactile switches and PBT keycaps. Made to order: your card is charged when it ships.",
    captureMode: "manual",
    translations: {
      zh: {
        name: "机械键盘",
        category: "电子产品",
        description: "紧凑的 75% 配列键盘，热插拔段落轴，PBT 键帽。按订单制作：发货时才从您的卡扣款。",
      },
    },
    prices: { USD: 14900, EUR: 13900, HKD: 115900, SEK: 159900, CNY: 107900, JPY: 22400, KWD: 45900 },
  },
  {
    slug: "ceramic-planter",
    name: "Ceramic planter",
    category: "Home",
    description: "A matte ceramic planter with a drainage saucer, 18 cm across.",
    translations: {
      zh: { name: "陶瓷花盆", category: "家居", description: "哑光陶瓷花盆，附排水托盘，直径 18 厘米。" },
    },
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
export async function retirePublishedDemoPasswords(database: ShopDatabase): Promise<void> {
  if (!isPublicMode()) return;
  for (const user of DEMO_USERS) {
    const [stored] = await database
      .select({ hash: tables.users.passwordHash })
      .from(tables.users)
      .where(eq(tables.users.id, user.id));
    if (stored && bcrypt.compareSync(user.password, stored.hash)) {
      await database
        .update(tables.users)
        .set({ passwordHash: hashPassword(demoPassword(user)) })
        .where(eq(tables.users.id, user.id));
    }
  }
}

/**
 * Seeds the catalogue and the demo accounts where they are missing (idempotent: run at each
 * start, inside the caller's transaction or migration lock).
 */
export async function seedShop(database: ShopDatabase): Promise<void> {
  const [products] = await database.select({ n: count() }).from(tables.products);
  const [users] = await database.select({ n: count() }).from(tables.users);
  const [translations] = await database.select({ n: count() }).from(tables.productTranslations);
  const translationsInCatalogue = CATALOGUE.reduce((n, item) => n + Object.keys(item.translations).length, 0);
  if (
    (products?.n ?? 0) >= CATALOGUE.length &&
    (users?.n ?? 0) >= DEMO_USERS.length &&
    (translations?.n ?? 0) >= translationsInCatalogue
  )
    return;
  for (const item of CATALOGUE) {
    const id = `prd_${item.slug}`;
    await database
      .insert(tables.products)
      .values({
        id,
        slug: item.slug,
        name: item.name,
        category: item.category,
        description: item.description,
        image: `/products/${item.slug}.svg`,
        captureMode: item.captureMode ?? "automatic",
      })
      .onConflictDoNothing();
    await database
      .insert(tables.productPrices)
      .values(Object.entries(item.prices).map(([currency, amount]) => ({ productId: id, currency, amount })))
      .onConflictDoNothing();
    const translations = Object.entries(item.translations).map(([locale, words]) => ({
      productId: id,
      locale,
      ...words,
    }));
    if (translations.length > 0)
      await database.insert(tables.productTranslations).values(translations).onConflictDoNothing();
  }
  for (const user of DEMO_USERS) {
    await database
      .insert(tables.users)
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash: hashPassword(demoPassword(user)),
      })
      .onConflictDoNothing();
  }
}
