import "server-only";
import type { Db } from "@/lib/db/client";
import { clearSignInFailures, countSignInFailure, signInBlockedUntil } from "@/lib/db/sign-in-failures";

/**
 * Failed sign-ins per account, whatever the address they come from: a
 * password guesser who rotates addresses (or sits behind a school's one) is
 * still slowed down. The first few failures are free, for typos; after that
 * each failure doubles the wait before the next attempt, up to a cap. A
 * success forgets the account's failures. Kept in the database, so every web
 * server sees the same count.
 */
export const BACKOFF = { freeFailures: 5, firstWaitMs: 2_000, maxWaitMs: 15 * 60_000 };

/** How long an account must wait after its `failures`-th failure in a row. */
export function waitAfter(failures: number, policy = BACKOFF): number {
  const over = failures - policy.freeFailures;
  return over > 0 ? Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** (over - 1)) : 0;
}

export class FailureBackoff {
  constructor(
    private readonly store: () => Db,
    readonly policy = BACKOFF,
  ) {}

  /** How long `account` must wait before it may try again (0: it may try now). */
  async waitMs(account: string, now = Date.now()): Promise<number> {
    return Math.max(0, ((await signInBlockedUntil(this.store(), account)) ?? 0) - now);
  }

  async failed(account: string, now = Date.now()): Promise<void> {
    await countSignInFailure(this.store(), account, (failures) => now + waitAfter(failures, this.policy));
  }

  async succeeded(account: string): Promise<void> {
    await clearSignInFailures(this.store(), account);
  }
}
