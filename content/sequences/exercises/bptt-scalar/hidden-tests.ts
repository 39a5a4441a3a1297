/** ∂L/∂w, ∂L/∂u, ∂L/∂b and ∂L/∂h_0 by automatic differentiation of the forward pass. */
function reference(xs: number[], ys: number[], w: number, u: number, b: number, h0: number) {
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

function compare(got: { dw: number; du: number; db: number; dh0: number }, want: { dw: number; du: number; db: number; dh0: number }, what: string) {
  for (const key of ["dw", "du", "db", "dh0"] as const) expect.close(got[key], want[key], { rtol: 1e-3, atol: 1e-6 }, `${what}: ${key}`);
}

test("random sequences of many lengths", { points: 2, feedback: "Check the carry from step t + 1 to step t: it is u times δ_{t+1}, which already contains (1 − h_{t+1}²)." }, async () => {
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
  for (const T of [2, 4, 7, 12]) {
    const xs = Array.from({ length: T }, () => 2 * random());
    const ys = Array.from({ length: T }, () => random());
    const [w, u, b, h0] = [1.5 * random(), 1.8 * random(), 0.5 * random(), random()];
    compare(await learner.bpttGradient(xs, ys, w, u, b, h0), reference(xs, ys, w, u, b, h0), `T = ${T}`);
  }
});

test("a strong recurrent weight over 25 steps", { points: 2 }, async () => {
  const xs = Array.from({ length: 25 }, (_, t) => Math.sin(t));
  const ys = Array.from({ length: 25 }, (_, t) => 0.5 * Math.cos(0.7 * t));
  compare(await learner.bpttGradient(xs, ys, 0.4, 1.2, -0.1, 0.3), reference(xs, ys, 0.4, 1.2, -0.1, 0.3), "u = 1.2, T = 25");
});

test("targets equal to the states give a zero gradient", async () => {
  const [w, u, b, h0] = [0.7, -0.6, 0.2, 0.1];
  const xs = [0.5, -1, 0.25];
  const hs: number[] = [];
  let h = h0;
  for (const x of xs) hs.push((h = Math.tanh(w * x + u * h + b)));
  const got = await learner.bpttGradient(xs, hs, w, u, b, h0);
  for (const key of ["dw", "du", "db", "dh0"] as const) expect.close(got[key], 0, { atol: 1e-9 }, key);
});
