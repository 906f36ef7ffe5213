import { describe, expect, it } from "vitest";
import { storylines, storylineWords } from "./storylines";

describe("the demo storylines in each language", () => {
  it("reads every storyline in English as its provider words it", () => {
    for (const story of storylines())
      expect(storylineWords(story, "en")).toEqual({ title: story.title, shows: story.shows, steps: story.steps });
  });

  it("has every storyline in Chinese, step for step", () => {
    for (const story of storylines()) {
      const words = storylineWords(story, "zh");
      expect(words.steps, story.id).toHaveLength(story.steps.length);
      for (const text of [words.title, words.shows, ...words.steps]) expect(text, story.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it("falls back to English for a storyline without a translation", () => {
    const [first] = storylines();
    const untranslated = { ...first, translated: undefined };
    expect(storylineWords(untranslated, "zh").title).toBe(first.title);
  });
});
