// Never checks k: k = 0 or k = 1.5 returns a token instead of throwing.
function sampleTopK(logits: number[], k: number, temperature: number, u: number): number {
  // Indices by logit, largest first; among equal logits the lower index first. Keep the first k.
  const kept = logits.map((_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b).slice(0, k);
  if (temperature === 0) return kept[0]!;
  const largest = logits[kept[0]!]!;
  const isKept = new Set(kept);
  // e^((y − max)/τ) for the kept tokens, 0 for the rest: no power above e^0 = 1.
  const powers = logits.map((y, i) => (isKept.has(i) ? Math.exp((y - largest) / temperature) : 0));
  const normaliser = powers.reduce((sum, value) => sum + value, 0);
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
