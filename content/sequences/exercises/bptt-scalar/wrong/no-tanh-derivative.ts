// Forgets tanh's derivative: takes δ_t = g_t instead of (1 − h_t²) g_t.
function bpttGradient(xs: number[], ys: number[], w: number, u: number, b: number, h0: number): { dw: number; du: number; db: number; dh0: number } {
  const T = xs.length;
  const states = [h0];
  for (let t = 1; t <= T; t++) states.push(Math.tanh(w * xs[t - 1]! + u * states[t - 1]! + b));
  let [dw, du, db] = [0, 0, 0];
  let deltaNext = 0; // δ_{t+1}; zero after the last step
  for (let t = T; t >= 1; t--) {
    const g = states[t]! - ys[t - 1]! + u * deltaNext; // ∂L/∂h_t: its own loss and everything after it
    const delta = g;
    dw += delta * xs[t - 1]!;
    du += delta * states[t - 1]!;
    db += delta;
    deltaNext = delta;
  }
  return { dw, du, db, dh0: u * deltaNext };
}
