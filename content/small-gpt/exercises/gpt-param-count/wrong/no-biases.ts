// Counts the weight matrices and forgets every bias: 12d² per block, and no output bias.
type GptConfig = { vocabulary: number; context: number; dModel: number; heads: number; layers: number; tied: boolean };

function gptParamCount(config: GptConfig): number {
  const { vocabulary: V, context: T, dModel: d, layers: L, tied } = config;
  const layerNorm = 2 * d;                      // γ and β
  const attention = 4 * d * d;                  // W_Q, W_K, W_V, W_O and their biases
  const mlp = d * 4 * d + 4 * d * d; // W_1, b_1, W_2, b_2
  const block = 2 * layerNorm + attention + mlp; // 12d² + 13d
  const output = tied ? 0 : d * V;
  return V * d + T * d + L * block + layerNorm + output;
}
