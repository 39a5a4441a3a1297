function sampleToken(logits: number[], temperature: number, u: number): number {
  // T = 0: the index of the largest logit.
  // Otherwise: p = softmax(logits / T), computed stably; return the first i with u < p_0 + … + p_i.
  return 0;
}
