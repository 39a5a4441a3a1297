/**
 * How a web server learns that a job it waits for is done, without polling
 * the database in a loop: the worker stores the result, then sends
 * NOTIFY descent_job_done with the job's id; each web server LISTENs on one
 * connection of its own and wakes the requests waiting for that id.
 */
import pg from "pg";

export const JOB_DONE_CHANNEL = "descent_job_done";

/**
 * A notification can be missed while the listening connection is being
 * re-opened; waiters look at the database again this often, so a lost
 * NOTIFY delays an answer by seconds, never forever.
 */
const BACKSTOP_MS = 5_000;
const RECONNECT_MS = 1_000;

export class JobCompletions {
  #client?: pg.Client;
  #connecting?: Promise<void>;
  #closed = false;
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(private readonly url: string) {}

  /**
   * Resolves once `isDone()` is true: checked after listening begins (so a
   * job finished a moment ago is not missed), on each NOTIFY for `id`, and
   * every few seconds as a backstop; or after `timeoutMs`, whichever is first.
   * Returns whether it is done.
   */
  async waitFor(id: string, timeoutMs: number, isDone: () => Promise<boolean>): Promise<boolean> {
    // A NOTIFY that lands while the database is being read is remembered, not lost.
    let notified = false;
    let wake: () => void = () => {};
    const onNotify = () => {
      notified = true;
      wake();
    };
    const waiters = this.#waiters.get(id) ?? new Set();
    this.#waiters.set(id, waiters);
    waiters.add(onNotify);
    const giveUp = Date.now() + timeoutMs;
    try {
      await this.#listen();
      while (true) {
        notified = false;
        if (await isDone()) return true;
        const left = giveUp - Date.now();
        if (left <= 0) return false;
        if (notified) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, BACKSTOP_MS));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = () => {};
      }
    } finally {
      waiters.delete(onNotify);
      if (waiters.size === 0) this.#waiters.delete(id);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => {});
  }

  #listen(): Promise<void> {
    if (this.#client || this.#closed) return Promise.resolve();
    this.#connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: "descent-web-listen" });
      client.on("notification", (message) => {
        for (const wake of this.#waiters.get(message.payload ?? "") ?? []) wake();
      });
      const reopen = () => {
        if (this.#client !== client) return;
        this.#client = undefined;
        client.end().catch(() => {});
        // Whoever waits re-checks the database; the next wait opens a new connection.
        for (const waiters of this.#waiters.values()) for (const wake of waiters) wake();
        if (!this.#closed && this.#waiters.size > 0) setTimeout(() => void this.#listen().catch(() => {}), RECONNECT_MS);
      };
      client.on("error", reopen);
      client.on("end", reopen);
      await client.connect();
      await client.query(`LISTEN ${JOB_DONE_CHANNEL}`);
      this.#client = client;
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }
}

/** Tells every web server that job `id` is done (its result is already stored). */
export async function announceJobDone(run: (sql: string, values: unknown[]) => Promise<unknown>, id: string): Promise<void> {
  await run("SELECT pg_notify($1, $2)", [JOB_DONE_CHANNEL, id]);
}
