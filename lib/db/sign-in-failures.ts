import "server-only";
import type { Db } from "./client";

/** Until when `account` may not try to sign in (ms since the epoch), if it has failed before. */
export async function signInBlockedUntil(db: Db, account: string): Promise<number | undefined> {
  const row = await db.signInFailure.findUnique({ where: { account }, select: { blockedUntil: true } });
  return row ? Number(row.blockedUntil) : undefined;
}

/**
 * Counts one failure, atomically (failures sent at once, to any server, are
 * each counted), then blocks the account until `blockUntil(failures)`.
 */
export async function countSignInFailure(db: Db, account: string, blockUntil: (failures: number) => number): Promise<void> {
  const [row] = await db.$queryRaw<Array<{ failures: number | bigint }>>`
    INSERT INTO "SignInFailure" ("account", "failures", "blockedUntil") VALUES (${account}, 1, ${BigInt(0)})
    ON CONFLICT ("account") DO UPDATE SET "failures" = "SignInFailure"."failures" + 1
    RETURNING "failures"`;
  const failures = Number(row!.failures);
  // Never shortens a wait another server just set for a later failure.
  await db.signInFailure.updateMany({ where: { account, blockedUntil: { lt: BigInt(blockUntil(failures)) } }, data: { blockedUntil: BigInt(blockUntil(failures)) } });
}

export async function clearSignInFailures(db: Db, account: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { account } });
}
