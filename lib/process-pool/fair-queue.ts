/**
 * Jobs waiting for a process, served in turn by client rather than in
 * arrival order: each client (a key, e.g. its address) has its own line, and
 * dispatch takes the first job of each line in rotation. A client that
 * queues 300 jobs therefore holds at most one place in every round; a second
 * client's job is next as soon as a process is free.
 *
 * Bounded: at most `maxSize` jobs wait in all, and at most `maxPerKey` from
 * one client, so one client cannot fill the queue that others need.
 */
export class FairQueue<Item> {
  /** Map order is the rotation: the key served next is first. */
  private lines = new Map<string, Item[]>();
  private count = 0;

  constructor(
    readonly maxSize: number,
    readonly maxPerKey: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Whether `key` may queue one more job now. */
  accepts(key: string): boolean {
    return this.count < this.maxSize && (this.lines.get(key)?.length ?? 0) < this.maxPerKey;
  }

  /** Queues `item` at the end of its client's line; the caller checks accepts() first. */
  push(key: string, item: Item): void {
    const line = this.lines.get(key);
    if (line) line.push(item);
    else this.lines.set(key, [item]);
    this.count += 1;
  }

  /** Puts `item` back first in line and its client first in the rotation (a job whose process died before it started). */
  unshift(key: string, item: Item): void {
    const line = this.lines.get(key) ?? [];
    line.unshift(item);
    this.lines.delete(key);
    this.lines = new Map([[key, line], ...this.lines]);
    this.count += 1;
  }

  /** The next job in the rotation: the first client's first job; that client then goes to the back. */
  shift(): Item | undefined {
    const first = this.lines.entries().next();
    if (first.done) return undefined;
    const [key, line] = first.value;
    const item = line.shift();
    this.lines.delete(key);
    if (line.length > 0) this.lines.set(key, line);
    this.count -= 1;
    return item;
  }
}
