import { readdirSync } from "node:fs";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import zh from "../messages/zh.json";
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

describe("message catalogues", () => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it("has one catalogue per language the shop offers", () => {
    const files = readdirSync(new URL("../messages/", import.meta.url)).filter((name) => name.endsWith(".json"));
    expect(files.map((name) => name.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
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
