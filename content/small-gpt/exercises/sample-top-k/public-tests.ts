const logOf = (probabilities: number[]) => probabilities.map((p) => Math.log(p));

test("keeps only the k largest", { points: 2 }, async () => {
  // Logits log 0.1, log 0.2, log 0.3, log 0.4 at τ = 1. With k = 2 only tokens 2 and 3 remain,
  // with probabilities 0.3/0.7 and 0.4/0.7: running sums 0, 0, 0.4286, 1.
  const logits = logOf([0.1, 0.2, 0.3, 0.4]);
  for (const [u, expected] of [[0.05, 2], [0.4, 2], [0.45, 3], [0.95, 3]] as const) {
    expect.equal(await learner.sampleTopK(logits, 2, 1, u), expected, `k = 2, u = ${u}`);
  }
  // With k = 3: 0.2/0.9, 0.3/0.9, 0.4/0.9, running sums 0, 0.2222, 0.5556, 1.
  for (const [u, expected] of [[0.05, 1], [0.5, 2], [0.6, 3]] as const) {
    expect.equal(await learner.sampleTopK(logits, 3, 1, u), expected, `k = 3, u = ${u}`);
  }
});

test("k = 1 is greedy, k ≥ V is plain temperature sampling", async () => {
  const logits = logOf([0.1, 0.2, 0.3, 0.4]);
  for (const u of [0, 0.5, 0.99]) expect.equal(await learner.sampleTopK(logits, 1, 1, u), 3, `k = 1, u = ${u}`);
  // k = 4 and k = 10 keep every token: running sums 0.1, 0.3, 0.6, 1.
  for (const k of [4, 10]) {
    for (const [u, expected] of [[0.05, 0], [0.15, 1], [0.31, 2], [0.65, 3]] as const) {
      expect.equal(await learner.sampleTopK(logits, k, 1, u), expected, `k = ${k}, u = ${u}`);
    }
  }
});

test("refuses a k that is not a whole number of at least 1", async () => {
  for (const k of [0, -1, 1.5]) {
    let threw = false;
    try {
      await learner.sampleTopK([1, 2, 3], k, 1, 0.5);
    } catch (error) {
      // Only the learner's own throw: "`sampleTopK` threw …".
      if (!(error instanceof Error) || !error.message.includes("threw")) throw error;
      threw = true;
    }
    expect.that(threw, `k = ${k} returned a token: throw an error when k < 1 or k is not a whole number`);
  }
});
