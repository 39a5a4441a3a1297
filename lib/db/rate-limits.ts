import "server-only";
import type { Db } from "./client";

/**
 * Fixed-window counters per key (a client address, an API key), kept in the
 * database so that every web server in front of it counts the same requests:
 * a client cannot escape a limit by being sent to another server. Each count
 * is one atomic upsert, so requests that arrive at once, on one server or
 * many, are each counted exactly once.
 *
 * better-auth keeps its own limits (sign-in, sign-up) in the database too
 * (rateLimit.storage = "database" in lib/auth/auth.ts); these cover ours,
 * where a per-learner limit alone is not enough: a client that drops its
 * cookie is a new anonymous learner on every request.
 */
/** How many counts between two sweeps of ended windows, in this process. */
const SWEEP_EVERY = 1_000;
let takesSinceSweep = 0;

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class WindowLimiter {
  constructor(
    /** Names this limit's keys, so two limits never share a counter. */
    readonly name: string,
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request for `key`; refused (with when to retry) once `max` are used in the current window. */
  async take(store: Db, key: string, now = Date.now()): Promise<Decision> {
    // Times as bigint, the column's type in SQLite and PostgreSQL alike.
    const [at, endsAt] = [BigInt(now), BigInt(now + this.windowMs)];
    const rows = await store.$queryRaw<Array<{ count: number | bigint; windowEndsAt: number | bigint }>>`
      INSERT INTO "ClientLimit" ("key", "count", "windowEndsAt") VALUES (${`${this.name}:${key}`}, 1, ${endsAt})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "ClientLimit"."windowEndsAt" <= ${at} THEN 1 ELSE "ClientLimit"."count" + 1 END,
        "windowEndsAt" = CASE WHEN "ClientLimit"."windowEndsAt" <= ${at} THEN ${endsAt} ELSE "ClientLimit"."windowEndsAt" END
      RETURNING "count", "windowEndsAt"`;
    if (++takesSinceSweep >= SWEEP_EVERY) {
      takesSinceSweep = 0;
      void forgetEndedWindows(store, now).catch((error: unknown) => console.error("forgetting ended rate-limit windows failed", error));
    }
    const row = rows[0]!;
    if (Number(row.count) <= this.max) return { allowed: true };
    return { allowed: false, retryAfterMs: Number(row.windowEndsAt) - now };
  }
}

/** Forgets windows that ended before `now`: call now and then so the table holds only live windows. */
export async function forgetEndedWindows(store: Db, now = Date.now()): Promise<number> {
  return store.clientLimit.deleteMany({ where: { windowEndsAt: { lte: BigInt(now) } } }).then((result) => result.count);
}
