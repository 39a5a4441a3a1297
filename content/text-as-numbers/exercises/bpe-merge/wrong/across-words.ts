// Counts pairs across word boundaries, as if the corpus were one long word.
function mergeStep(words: string[][], counts: number[]): { pair: [string, string] | null; words: string[][] } {
  // Pairs keyed by both symbols; a Map iterates in insertion order, i.e. the order first met.
  const pairCounts = new Map<string, { a: string; b: string; total: number }>();
  // One long stream of symbols: the last symbol of a word pairs with the first of the next.
  const stream = words.flatMap((symbols, w) => symbols.map((symbol) => ({ symbol, n: counts[w]! })));
  for (let i = 0; i + 1 < stream.length; i++) {
    const key = JSON.stringify([stream[i]!.symbol, stream[i + 1]!.symbol]);
    const entry = pairCounts.get(key) ?? { a: stream[i]!.symbol, b: stream[i + 1]!.symbol, total: 0 };
    entry.total += stream[i]!.n;
    pairCounts.set(key, entry);
  }
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
