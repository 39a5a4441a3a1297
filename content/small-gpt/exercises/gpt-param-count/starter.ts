type GptConfig = { vocabulary: number; context: number; dModel: number; heads: number; layers: number; tied: boolean };

function gptParamCount(config: GptConfig): number {
  const { vocabulary: V, context: T, dModel: d, heads: h, layers: L, tied } = config;
  // Embeddings, then L blocks (two layer norms, attention, MLP), the final layer norm, and the output projection unless tied.
  return V * d + T * d;
}
