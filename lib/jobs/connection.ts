import "server-only";
import type { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { JobCompletions } from "./completions";
import { startQueue } from "./queue";

/**
 * A web server's link to the job queue (PostgreSQL mode): one pg-boss
 * instance to send jobs, one listening connection to hear they are done.
 * Kept on globalThis so the dev server's reloads do not open more.
 */
const holder = globalThis as { descentQueue?: Promise<PgBoss>; descentCompletions?: JobCompletions };

export function jobQueue(): Promise<PgBoss> {
  holder.descentQueue ??= startQueue(env().DATABASE_URL, "web").catch((error: unknown) => {
    holder.descentQueue = undefined;
    throw error;
  });
  return holder.descentQueue;
}

export function jobCompletions(): JobCompletions {
  holder.descentCompletions ??= new JobCompletions(env().DATABASE_URL);
  return holder.descentCompletions;
}

/** Closes both (tests, and a server shutting down). */
export async function closeJobQueue(): Promise<void> {
  const queue = holder.descentQueue;
  const completions = holder.descentCompletions;
  holder.descentQueue = undefined;
  holder.descentCompletions = undefined;
  await completions?.close();
  await (await queue?.catch(() => undefined))?.stop({ graceful: false, close: true });
}
