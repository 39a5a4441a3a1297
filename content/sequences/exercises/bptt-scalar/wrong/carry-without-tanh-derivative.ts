// Carries u·g_{t+1} back instead of u·δ_{t+1}: the next step's tanh derivative is left out of the path.
function bpttGradient(xs: number[], ys: number[], w: number, u: number, b: number, h0: number): { dw: number; du: number; db: number; dh0: number } {
  const T = xs.length;
  const states = [h0];
  for (let t = 1; t <= T; t++) states.push(Math.tanh(w * xs[t - 1]! + u * states[t - 1]! + b));
  let [dw, du, db] = [0, 0, 0];
  let deltaNext = 0; // δ_{t+1}; zero after the last step
  for (let t = T; t >= 1; t--) {
    const g = states[t]! - ys[t - 1]! + u * deltaNext; // ∂L/∂h_t: its own loss and everything after it
    const delta = (1 - states[t]! ** 2) * g; // ∂L/∂a_t
    dw += delta * xs[t - 1]!;
    du += delta * states[t - 1]!;
    db += delta;
    deltaNext = t === 1 ? delta : g;
  }
  return { dw, du, db, dh0: u * deltaNext };
}
