function bpttGradient(xs: number[], ys: number[], w: number, u: number, b: number, h0: number): { dw: number; du: number; db: number; dh0: number } {
  // 1. Forward: every state h_0 … h_T.
  // 2. Backward, from t = T down to 1: g_t, then δ_t; add each step's share to the sums.
  return { dw: 0, du: 0, db: 0, dh0: 0 };
}
