/** softmax(y/T) in double precision, then the first i with u < P_i; T = 0 is the first argmax. */
function reference(logits: number[], temperature: number, u: number): number {
  const top = Math.max(...logits);
  if (temperature === 0) return logits.indexOf(top);
  const e = logits.map((y) => Math.exp((y - top) / temperature));
  const total = e.reduce((a, b) => a + b, 0);
  let running = 0;
  for (let i = 0; i < e.length; i++) {
    running += e[i]! / total;
    if (u < running) return i;
  }
  return e.length - 1;
}
/** The running sums, to keep test points away from their boundaries. */
function runningSums(logits: number[], temperature: number): number[] {
  const top = Math.max(...logits);
  const e = logits.map((y) => Math.exp((y - top) / temperature));
  const total = e.reduce((a, b) => a + b, 0);
  let running = 0;
  return e.map((x) => (running += x / total));
}

test("T = 2 flattens the distribution", { points: 2, feedback: "Divide the logits by the temperature: a high T must flatten the distribution." }, async () => {
  // At T = 2, p ∝ √(0.1), √(0.2), √(0.3), √(0.4): running sums ≈ 0.163, 0.393, 0.675, 1.
  const logits = [0.1, 0.2, 0.3, 0.4].map((p) => Math.log(p));
  for (const [u, expected] of [[0.3, 1], [0.15, 0], [0.62, 2], [0.7, 3]] as const) {
    expect.equal(await learner.sampleToken(logits, 2, u), expected, `u = ${u}`);
  }
});

test("a low temperature picks the largest logit", { points: 2, feedback: "With a tiny temperature, e^(y/T) overflows: subtract the largest logit before exponentiating." }, async () => {
  for (const u of [0, 0.5, 0.999]) expect.equal(await learner.sampleToken([20, 50, 45, -10], 0.01, u), 1, `u = ${u}`);
});

test("a very high temperature is nearly uniform", async () => {
  // T = 10⁴: every probability is within 0.002 of 1/4, so the running sums are about 0.25, 0.5, 0.75, 1.
  for (const [u, expected] of [[0.1, 0], [0.3, 1], [0.6, 2], [0.9, 3]] as const) {
    expect.equal(await learner.sampleToken([0, 10, -5, 3], 10000, u), expected, `u = ${u}`);
  }
});

test("agrees with softmax(y/T) at many temperatures", { points: 2 }, async () => {
  let state = 11;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (const temperature of [0, 0.25, 0.7, 1, 1.5, 4]) {
    for (let trial = 0; trial < 6; trial++) {
      const logits = Array.from({ length: 3 + trial * 5 }, () => 8 * random() - 4);
      const sums = temperature === 0 ? [] : runningSums(logits, temperature);
      let u = random();
      while (sums.some((s) => Math.abs(s - u) < 1e-6)) u = random();
      expect.equal(await learner.sampleToken(logits, temperature, u), reference(logits, temperature, u), `T = ${temperature}, ${logits.length} tokens`);
    }
  }
});
