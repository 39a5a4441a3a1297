import { describe, expect, it } from "vitest";
import { FairQueue } from "./fair-queue";

const drain = <T>(queue: FairQueue<T>) => {
  const items: T[] = [];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) items.push(item);
  return items;
};

describe("FairQueue", () => {
  it("serves clients in turn, not in arrival order", () => {
    const queue = new FairQueue<string>(100, 100);
    for (let i = 1; i <= 4; i++) queue.push("flood", `f${i}`);
    queue.push("learner", "l1");
    expect(drain(queue)).toEqual(["f1", "l1", "f2", "f3", "f4"]);
    expect(queue.size).toBe(0);
  });

  it("keeps each client's own jobs in order", () => {
    const queue = new FairQueue<string>(100, 100);
    queue.push("a", "a1");
    queue.push("b", "b1");
    queue.push("a", "a2");
    queue.push("b", "b2");
    expect(drain(queue)).toEqual(["a1", "b1", "a2", "b2"]);
  });

  it("bounds the whole queue and each client's share of it", () => {
    const queue = new FairQueue<number>(3, 2);
    queue.push("a", 1);
    queue.push("a", 2);
    expect(queue.accepts("a")).toBe(false);
    expect(queue.accepts("b")).toBe(true);
    queue.push("b", 3);
    expect(queue.accepts("b")).toBe(false);
    expect(queue.accepts("c")).toBe(false);
    queue.shift();
    expect(queue.accepts("c")).toBe(true);
  });

  it("puts a requeued job first, ahead of every other client", () => {
    const queue = new FairQueue<string>(100, 100);
    queue.push("a", "a1");
    queue.push("b", "b1");
    queue.unshift("b", "b0");
    expect(drain(queue)).toEqual(["b0", "a1", "b1"]);
  });
});
