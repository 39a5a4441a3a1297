/**
 * Fixed-window counters per key (a client address), kept in this process's
 * memory. better-auth limits its own endpoints; these cover ours, where a
 * per-learner limit alone is not enough: a client that drops its cookie is a
 * new anonymous learner on every request.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request for `key`; refused (with when to retry) once `max` are used in the current window. */
  take(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterMs: number } {
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
      return { allowed: true };
    }
    if (window.count >= this.max) return { allowed: false, retryAfterMs: window.endsAt - now };
    window.count += 1;
    return { allowed: true };
  }

  /** Forgets ended windows now and then, so memory stays bounded by the clients of one window. */
  private sweep(now: number) {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

export const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
