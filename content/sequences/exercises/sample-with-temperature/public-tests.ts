const logOf = (probabilities: number[]) => probabilities.map((p) => Math.log(p));

test("T = 1 follows the softmax", { points: 2 }, async () => {
  // Logits log 0.1, log 0.2, log 0.3, log 0.4: at T = 1 the probabilities are 0.1, 0.2, 0.3, 0.4,
  // and the running sums 0.1, 0.3, 0.6, 1.
  const cases = [[0.05, 0], [0.15, 1], [0.29, 1], [0.31, 2], [0.55, 2], [0.65, 3], [0.95, 3]] as const;
  for (const [u, expected] of cases) {
    const token = await learner.sampleToken(logOf([0.1, 0.2, 0.3, 0.4]), 1, u);
    expect.equal(token, expected, `u = ${u}`);
  }
});

test("T = 0 is greedy", async () => {
  // The largest logit, 3, comes twice: the first, at index 1, is the one to return, for any u.
  for (const u of [0, 0.5, 0.99]) expect.equal(await learner.sampleToken([1, 3, 2, 3], 0, u), 1, `u = ${u}`);
});
