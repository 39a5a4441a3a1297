function sampleTopK(logits: number[], k: number, temperature: number, u: number): number {
  // Refuse a k that is not a whole number of at least 1.
  // Keep the k largest logits (the lower index first among equal ones); τ = 0: the largest of them.
  // Otherwise: p = softmax over the kept logits / τ, computed stably, 0 for every other token;
  // return the first original index i with u < p_0 + … + p_i.
  return 0;
}
