// .env.example documents every provider's settings: each key a provider's folder reads (its
// descriptor's schema) is there, so the doc cannot fall behind the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers";

const envExample = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
/** The keys .env.example names, set or commented out (`KEY=` or `# KEY=`). */
const documented = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

describe(".env.example", () => {
  it.each(PROVIDERS.map((provider) => [provider.id, provider] as const))(
    "documents every setting of %s",
    (_id, provider) => {
      const keys = Object.keys(provider.settings.schema.shape);
      expect(keys).toContain(provider.settings.baseUrlKey);
      expect(keys.filter((key) => !documented.has(key))).toEqual([]);
    },
  );
});
