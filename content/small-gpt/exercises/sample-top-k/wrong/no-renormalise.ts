// Takes the softmax over all V logits, then zeroes the dropped tokens without dividing by what is left: the kept probabilities sum to less than 1.
function sampleTopK(logits: number[], k: number, temperature: number, u: number): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number of at least 1, got ${k}`);
  // Indices by logit, largest first; among equal logits the lower index first. Keep the first k.
  const kept = logits.map((_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b).slice(0, k);
  if (temperature === 0) return kept[0]!;
  const largest = logits[kept[0]!]!;
  const isKept = new Set(kept);
  // e^((y − max)/τ) for the kept tokens, 0 for the rest: no power above e^0 = 1.
  const powers = logits.map((y, i) => (isKept.has(i) ? Math.exp((y - largest) / temperature) : 0));
  const normaliser = logits.reduce((sum, y) => sum + Math.exp((y - largest) / temperature), 0);
  let cumulative = 0;
  let lastPossible = kept[0]!;
  for (let i = 0; i < powers.length; i++) {
    const probability = powers[i]! / normaliser;
    if (probability > 0) lastPossible = i;
    cumulative += probability;
    if (u < cumulative) return i;
  }
  return lastPossible; // only when rounding left the total a hair below u
}
