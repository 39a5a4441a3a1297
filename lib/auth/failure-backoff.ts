/**
 * Failed sign-ins per account, whatever the address they come from: a
 * password guesser who rotates addresses (or sits behind a school's one) is
 * still slowed down. The first few failures are free, for typos; after that
 * each failure doubles the wait before the next attempt, up to a cap. A
 * success forgets the account's failures.
 */
export class FailureBackoff {
  private readonly accounts = new Map<string, { failures: number; blockedUntil: number }>();

  constructor(
    readonly freeFailures = 5,
    readonly firstWaitMs = 2_000,
    readonly maxWaitMs = 15 * 60_000,
  ) {}

  /** How long `account` must wait before it may try again (0: it may try now). */
  waitMs(account: string, now = Date.now()): number {
    return Math.max(0, (this.accounts.get(account)?.blockedUntil ?? 0) - now);
  }

  failed(account: string, now = Date.now()): void {
    this.sweep(now);
    const failures = (this.accounts.get(account)?.failures ?? 0) + 1;
    const over = failures - this.freeFailures;
    const wait = over > 0 ? Math.min(this.maxWaitMs, this.firstWaitMs * 2 ** (over - 1)) : 0;
    this.accounts.set(account, { failures, blockedUntil: now + wait });
  }

  succeeded(account: string): void {
    this.accounts.delete(account);
  }

  /** Forgets accounts whose wait ended long ago, now and then, so memory stays bounded. */
  private sweep(now: number) {
    if (this.accounts.size < 10_000) return;
    for (const [account, entry] of this.accounts) if (entry.blockedUntil + this.maxWaitMs < now) this.accounts.delete(account);
  }
}
