// The valley of the lesson, J(θ) = ½(θ₁² + 100·θ₂²), whose gradient is (θ₁, 100·θ₂).
const curvature = () => tf.tensor1d([1, 100]);
const start = () => tf.tensor1d([-2.5, 1.5]);

test("five momentum steps match tf.train.momentum", { points: 2 }, async () => {
  const reference = tf.variable(start());
  const optimizer = tf.train.momentum(0.015, 0.9);
  let theta: unknown = start();
  let velocity: unknown = tf.zeros([2]);
  for (let step = 1; step <= 5; step++) {
    optimizer.minimize(() => reference.square().mul(curvature()).sum().mul(0.5) as tf.Scalar);
    const values = (theta as { values: number[] }).values ?? (theta as tf.Tensor).dataSync();
    const grad = tf.tensor1d(Array.from(values)).mul(curvature());
    [theta, velocity] = (await learner.momentumStep(theta, velocity, grad, 0.015, 0.9)) as unknown[];
    expect.close(theta, reference, { rtol: 1e-4, atol: 1e-6 }, `after step ${step}: v ← βv + g, then θ ← θ − αv`);
  }
});

test("five Adam steps match tf.train.adam", { points: 3 }, async () => {
  const reference = tf.variable(start());
  const optimizer = tf.train.adam(0.1, 0.9, 0.999, 1e-8);
  let theta: unknown = start();
  let m: unknown = tf.zeros([2]);
  let v: unknown = tf.zeros([2]);
  for (let step = 1; step <= 5; step++) {
    optimizer.minimize(() => reference.square().mul(curvature()).sum().mul(0.5) as tf.Scalar);
    const values = (theta as { values: number[] }).values ?? (theta as tf.Tensor).dataSync();
    const grad = tf.tensor1d(Array.from(values)).mul(curvature());
    [theta, m, v] = (await learner.adamStep(theta, m, v, grad, step, 0.1, 0.9, 0.999, 1e-8)) as unknown[];
    expect.close(theta, reference, { rtol: 1e-4, atol: 1e-6 }, `after step ${step}: bias-correct with the step number t = ${step}`);
  }
});
