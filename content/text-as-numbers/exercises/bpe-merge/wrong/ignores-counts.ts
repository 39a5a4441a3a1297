// Counts each distinct word once, however often it occurs in the text.
function mergeStep(words: string[][], counts: number[]): { pair: [string, string] | null; words: string[][] } {
  // Pairs keyed by both symbols; a Map iterates in insertion order, i.e. the order first met.
  const pairCounts = new Map<string, { a: string; b: string; total: number }>();
  words.forEach((symbols, w) => {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = JSON.stringify([symbols[i], symbols[i + 1]]);
      const entry = pairCounts.get(key) ?? { a: symbols[i]!, b: symbols[i + 1]!, total: 0 };
      entry.total += 1;
      pairCounts.set(key, entry);
    }
  });
  let chosen: { a: string; b: string; total: number } | undefined;
  for (const entry of pairCounts.values()) {
    if (chosen === undefined || entry.total > chosen.total) chosen = entry;
  }
  if (chosen === undefined) return { pair: null, words: words.map((symbols) => [...symbols]) };
  const { a, b } = chosen;
  const merged = words.map((symbols) => {
    const result: string[] = [];
    let i = 0;
    while (i < symbols.length) {
      const takesPair = i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b;
      result.push(takesPair ? a + b : symbols[i]!);
      i += takesPair ? 2 : 1;
    }
    return result;
  });
  return { pair: [a, b], words: merged };
}
