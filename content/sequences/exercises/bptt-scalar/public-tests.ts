/** ∂L/∂w, ∂L/∂u, ∂L/∂b and ∂L/∂h_0 by automatic differentiation of the forward pass. */
function byTfGrads(xs: number[], ys: number[], w: number, u: number, b: number, h0: number) {
  const loss = (W: tf.Tensor, U: tf.Tensor, B: tf.Tensor, H0: tf.Tensor) => {
    let h = H0;
    let total: tf.Tensor = tf.scalar(0);
    xs.forEach((x, t) => {
      h = tf.tanh(W.mul(x).add(U.mul(h)).add(B));
      total = total.add(h.sub(ys[t]!).square().mul(0.5));
    });
    return total as tf.Scalar;
  };
  const [dw, du, db, dh0] = tf.grads(loss)([w, u, b, h0].map((v) => tf.scalar(v)));
  return { dw: dw!.dataSync()[0]!, du: du!.dataSync()[0]!, db: db!.dataSync()[0]!, dh0: dh0!.dataSync()[0]! };
}

function checkAll(got: { dw: number; du: number; db: number; dh0: number }, want: { dw: number; du: number; db: number; dh0: number }) {
  expect.close(got.dw, want.dw, { rtol: 1e-4, atol: 1e-6 }, "∂L/∂w");
  expect.close(got.du, want.du, { rtol: 1e-4, atol: 1e-6 }, "∂L/∂u");
  expect.close(got.db, want.db, { rtol: 1e-4, atol: 1e-6 }, "∂L/∂b");
  expect.close(got.dh0, want.dh0, { rtol: 1e-4, atol: 1e-6 }, "∂L/∂h_0");
}

test("one step by hand", { points: 2 }, async () => {
  // x_1 = 1, y_1 = 0, w = 0.5, u = 0.3, b = 0, h_0 = 0.2: a_1 = 0.5 + 0.06 = 0.56, h_1 = tanh 0.56.
  // g_1 = h_1 − 0 and δ_1 = (1 − h_1²) g_1; then ∂L/∂w = δ_1·1, ∂L/∂u = δ_1·h_0, ∂L/∂b = δ_1, ∂L/∂h_0 = u δ_1.
  const h1 = Math.tanh(0.56);
  const delta = (1 - h1 * h1) * h1;
  const got = await learner.bpttGradient([1], [0], 0.5, 0.3, 0, 0.2);
  checkAll(got, { dw: delta, du: delta * 0.2, db: delta, dh0: 0.3 * delta });
});

test("three steps, against tf.grads", { points: 2 }, async () => {
  const args = [[1, -0.5, 2], [0.3, 0.1, -0.4], 0.8, 0.9, 0.1, -0.3] as const;
  const got = await learner.bpttGradient(...args);
  checkAll(got, byTfGrads([...args[0]], [...args[1]], args[2], args[3], args[4], args[5]));
});
