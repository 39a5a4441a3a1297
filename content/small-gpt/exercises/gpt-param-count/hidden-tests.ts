/** Part by part, as the lesson adds them. */
const reference = (V: number, T: number, d: number, L: number, tied: boolean) => V * d + T * d + L * (12 * d * d + 13 * d) + 2 * d + (tied ? 0 : d * V + V);

test("GPT-2 small, with a tied output projection", { points: 2, feedback: "With tied: true the output projection reuses E and has no bias." }, async () => {
  expect.equal(await learner.gptParamCount({ vocabulary: 50257, context: 1024, dModel: 768, heads: 12, layers: 12, tied: true }), 124439808);
});

test("GPT-2's largest model", async () => {
  expect.equal(await learner.gptParamCount({ vocabulary: 50257, context: 1024, dModel: 1600, heads: 25, layers: 48, tied: true }), 1557611200);
});

test("the number of heads does not matter", { points: 2, feedback: "Heads split d into parts: h heads of size d/h have the same d × d projections as one head." }, async () => {
  for (const heads of [1, 2, 4, 8]) {
    expect.equal(await learner.gptParamCount({ vocabulary: 30, context: 32, dModel: 32, heads, layers: 3, tied: false }), reference(30, 32, 32, 3, false), `with ${heads} heads`);
  }
});

test("several sizes, tied and not", { points: 2 }, async () => {
  for (const [V, T, d, L] of [[65, 256, 384, 6], [5, 3, 2, 4], [1000, 128, 96, 1]] as const) {
    for (const tied of [false, true]) {
      expect.equal(await learner.gptParamCount({ vocabulary: V, context: T, dModel: d, heads: 2, layers: L, tied }), reference(V, T, d, L, tied), `V = ${V}, T = ${T}, d = ${d}, L = ${L}, tied: ${tied}`);
    }
  }
});
