// Functions, not constants: test files' top level runs before tf is given to them.
const Wxh = () => tf.tensor2d([[1.5, 0], [0, 1]]); // H × D = 2 × 2
const Whh = () => tf.tensor2d([[0, 1], [-1, 0]]); // H × H, not symmetric
const bias = () => tf.tensor1d([0.5, -0.5]);

test("two steps by hand", { points: 2 }, async () => {
  // One sequence (B = 1): x_1 = [1, 0], x_2 = [0, 1], h_0 = 0.
  // a_1 = W_xh x_1 + b = [2, −0.5], so h_1 = [tanh 2, tanh(−0.5)].
  // a_2 = W_xh x_2 + W_hh h_1 + b = [0 + h_1[1] + 0.5, 1 − h_1[0] − 0.5].
  const xs = tf.tensor3d([[[1, 0]], [[0, 1]]]);
  const states = await learner.rnnForward(xs, tf.zeros([1, 2]) as tf.Tensor2D, Wxh(), Whh(), bias());
  expect.shape(states, [2, 1, 2], "[T, B, H]: the T states H_1 … H_T, one row per sequence");
  const h1 = [Math.tanh(2), Math.tanh(-0.5)];
  const h2 = [Math.tanh(h1[1]! + 0.5), Math.tanh(1 - h1[0]! - 0.5)];
  expect.close(states, [[h1], [h2]], { rtol: 1e-5, atol: 1e-6 }, "H_t = tanh(X_t W_xhᵀ + H_{t−1} W_hhᵀ + b)");
});

test("the state is carried from step to step", async () => {
  // Only the first input is non-zero and b = 0: every later state comes from H_{t−1} alone.
  const xs = tf.tensor3d([[[1, 0]], [[0, 0]], [[0, 0]]]);
  const recurrent = tf.tensor2d([[0.5, 1], [-1, 0.5]]);
  const states = await learner.rnnForward(xs, tf.zeros([1, 2]) as tf.Tensor2D, Wxh(), recurrent, tf.zeros([2]) as tf.Tensor1D);
  expect.shape(states, [3, 1, 2]);
  let h = [Math.tanh(1.5), 0];
  const expected = [[h]];
  for (let t = 1; t < 3; t++) {
    h = [Math.tanh(0.5 * h[0]! + h[1]!), Math.tanh(-h[0]! + 0.5 * h[1]!)];
    expected.push([h]);
  }
  expect.close(states, expected, { rtol: 1e-5, atol: 1e-6 }, "each step must start from the state the step before produced");
});
