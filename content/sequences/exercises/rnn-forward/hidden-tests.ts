/** TensorFlow.js's own recurrent layer with the same weights: kernel W_xhᵀ, recurrent kernel W_hhᵀ, bias b. */
function layerStates(xs: tf.Tensor, h0: tf.Tensor, Wxh: tf.Tensor, Whh: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [T, B, D] = xs.shape as [number, number, number];
  const layer = tf.layers.simpleRNN({ units: Whh.shape[0]!, returnSequences: true, kernelInitializer: "zeros", recurrentInitializer: "zeros" });
  layer.apply(tf.zeros([B, T, D]));
  layer.setWeights([Wxh.transpose(), Whh.transpose(), b]);
  const out = layer.apply(xs.transpose([1, 0, 2]), { initialState: [h0] }) as tf.Tensor;
  return out.transpose([1, 0, 2]);
}
const random = (shape: number[], scale: number, seed: number) => tf.randomNormal(shape, 0, scale, "float32", seed);

test("matches tf.layers.simpleRNN, D ≠ H", { points: 2, feedback: "Check the shapes with D ≠ H: the inputs meet W_xh transposed, X_t W_xhᵀ." }, async () => {
  const [T, B, D, H] = [6, 3, 3, 4];
  const args = [random([T, B, D], 1, 1), tf.zeros([B, H]), random([H, D], 0.6, 2), random([H, H], 0.6, 3), random([H], 0.2, 4)] as const;
  const states = await learner.rnnForward(...args);
  expect.shape(states, [T, B, H], "[T, B, H]");
  expect.close(states, layerStates(...args), { rtol: 1e-4, atol: 1e-5 });
});

test("starts from the given h0, for every sequence of the batch", { points: 2, feedback: "Start from h0, not from zeros." }, async () => {
  const [T, B, D, H] = [4, 2, 5, 3];
  const args = [random([T, B, D], 1, 11), random([B, H], 0.8, 12), random([H, D], 0.5, 13), random([H, H], 0.7, 14), random([H], 0.3, 15)] as const;
  const states = await learner.rnnForward(...args);
  expect.shape(states, [T, B, H]);
  expect.close(states, layerStates(...args), { rtol: 1e-4, atol: 1e-5 });
});

test("a single step and a long sequence", async () => {
  for (const [T, B, D, H, seed] of [[1, 1, 2, 3, 21], [40, 2, 4, 6, 22]] as const) {
    const args = [random([T, B, D], 1, seed), random([B, H], 0.5, seed + 1), random([H, D], 0.5, seed + 2), random([H, H], 1 / Math.sqrt(H), seed + 3), random([H], 0.1, seed + 4)] as const;
    const states = await learner.rnnForward(...args);
    expect.shape(states, [T, B, H], `T = ${T}`);
    expect.close(states, layerStates(...args), { rtol: 1e-4, atol: 1e-5 }, `T = ${T}`);
  }
});
