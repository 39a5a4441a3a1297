/** A wait in whole minutes, rounded up, for "try again in N minutes". The limits themselves: lib/db/rate-limits.ts. */
export const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
