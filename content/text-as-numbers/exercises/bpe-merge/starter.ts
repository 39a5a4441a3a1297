function mergeStep(words: string[][], counts: number[]): { pair: [string, string] | null; words: string[][] } {
  // 1. Count every pair of neighbouring symbols, weighted by counts[w].
  // 2. Choose the most frequent pair (ties: the pair met first).
  // 3. Rewrite every word with that pair merged into one symbol.
  return { pair: null, words };
}
