/** The formula on plain numbers, with −log σ(x) = log(1 + e^−x) written stably. */
const minusLogSigmoid = (x: number) => Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
function reference(center: number[][], context: number[][], negatives: number[][][]): number {
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  let total = 0;
  center.forEach((v, b) => {
    total += minusLogSigmoid(dot(context[b]!, v));
    for (const u of negatives[b]!) total += minusLogSigmoid(-dot(u, v));
  });
  return total / center.length;
}

test("matches the formula at several shapes", { points: 2 }, async () => {
  for (const [B, K, d, seed] of [[1, 1, 2, 1], [4, 5, 8, 2], [16, 3, 32, 3], [7, 10, 5, 4]] as const) {
    const center = tf.randomNormal([B, d], 0, 1, "float32", seed);
    const context = tf.randomNormal([B, d], 0, 1, "float32", seed + 10);
    const negatives = tf.randomNormal([B, K, d], 0, 1, "float32", seed + 20);
    const expected = reference(center.arraySync() as number[][], context.arraySync() as number[][], negatives.arraySync() as number[][][]);
    expect.close(await learner.skipGramLoss(center, context, negatives), expected, { rtol: 1e-4 }, `B = ${B}, K = ${K}, d = ${d}: the mean over the batch of one true term and K negative terms`);
  }
});

test("each negative adds its own term", async () => {
  // Identical negatives: K of them must cost K times as much as one.
  const center = tf.tensor2d([[0.5, -1, 2]]);
  const context = tf.tensor2d([[1, 1, 1]]);
  const one = tf.tensor3d([[[1, 0, 1]]]);
  const four = tf.tensor3d([[[1, 0, 1], [1, 0, 1], [1, 0, 1], [1, 0, 1]]]);
  const expected = reference([[0.5, -1, 2]], [[1, 1, 1]], [[[1, 0, 1], [1, 0, 1], [1, 0, 1], [1, 0, 1]]]);
  await learner.skipGramLoss(center, context, one);
  expect.close(await learner.skipGramLoss(center, context, four), expected, { rtol: 1e-4 }, "sum the K negative terms, do not average them");
});

test("stays finite for large scores", { points: 2 }, async () => {
  // Scores −200 (true pair, badly wrong) and +300 (a negative, badly wrong): the loss is about 500.
  const center = tf.tensor2d([[10, 0]]);
  const context = tf.tensor2d([[-20, 0]]);
  const negatives = tf.tensor3d([[[30, 0], [-30, 0]]]);
  const loss = await learner.skipGramLoss(center, context, negatives);
  expect.finite(loss, "σ rounds to 0 far from the origin, and log 0 = −Infinity: use tf.softplus, since −log σ(x) = softplus(−x)");
  expect.close(loss, reference([[10, 0]], [[-20, 0]], [[[30, 0], [-30, 0]]]), { rtol: 1e-4 });
});

test("a perfect embedding costs almost nothing", async () => {
  const center = tf.tensor2d([[5, 0], [0, 5]]);
  const context = tf.tensor2d([[5, 0], [0, 5]]);
  const negatives = tf.tensor3d([[[-5, 0], [0, -5]], [[-5, 0], [0, -5]]]);
  expect.close(await learner.skipGramLoss(center, context, negatives), reference([[5, 0], [0, 5]], [[5, 0], [0, 5]], [[[-5, 0], [0, -5]], [[-5, 0], [0, -5]]]), { rtol: 1e-3 });
});
