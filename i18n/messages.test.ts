import { readdirSync } from "node:fs";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { loadMessages, MESSAGE_AREAS } from "./catalogues";
import { LOCALES } from "./locales";

type Catalogue = { [key: string]: string | Catalogue };

/** Every message of a catalogue by its dotted key. */
function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The arguments a message uses ({count}, {unit, select, ...}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const catalogueFolder = (locale = "") => new URL(`../messages/${locale}${locale ? "/" : ""}`, import.meta.url);

describe("message catalogues", async () => {
  const english = flatten((await loadMessages("en")) as Catalogue);
  const chinese = flatten((await loadMessages("zh")) as Catalogue);

  it("has one catalogue folder per language the shop offers, each with one file per area", () => {
    expect(readdirSync(catalogueFolder()).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      const files = readdirSync(catalogueFolder(locale)).map((name) => name.replace(/\.json$/, ""));
      expect(files.sort(), locale).toEqual([...MESSAGE_AREAS].sort());
    }
  });

  it("gives each namespace to one area only, so merging the areas loses nothing", async () => {
    for (const locale of LOCALES) {
      const owners = new Map<string, string>();
      for (const area of MESSAGE_AREAS) {
        const catalogue = (await import(`../messages/${locale}/${area}.json`)).default as Catalogue;
        for (const namespace of Object.keys(catalogue)) {
          expect(owners.get(namespace), `${locale}: ${namespace} in ${area}`).toBeUndefined();
          owners.set(namespace, area);
        }
      }
    }
  });

  it("has the same keys in Chinese as in English, none empty", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of chinese) expect(text.trim(), key).not.toBe("");
  });

  it("uses the same arguments in both languages, in valid ICU syntax", () => {
    for (const [key, text] of english) {
      const translated = chinese.get(key);
      if (translated === undefined) continue; // reported by the test above
      expect([...argumentsOf(parse(translated))].sort(), key).toEqual([...argumentsOf(parse(text))].sort());
    }
  });
});
