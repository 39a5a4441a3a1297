import { describe, expect, it } from "vitest";
import { assignmentPhase, creditedScore, daysLate, exerciseCredit, type Schedule } from "./late-policy";

const dueAt = new Date("2026-12-01T17:00:00Z");
const at = (iso: string) => new Date(iso);
const penalty: Schedule = { dueAt, latePolicy: "penalty", latePenaltyPercent: 10 };
const close: Schedule = { dueAt, latePolicy: "close", latePenaltyPercent: 0 };

describe("daysLate", () => {
  it("is zero up to and at the due date, then counts started days", () => {
    expect(daysLate(at("2026-11-30T09:00:00Z"), dueAt)).toBe(0);
    expect(daysLate(dueAt, dueAt)).toBe(0);
    expect(daysLate(at("2026-12-01T17:00:01Z"), dueAt)).toBe(1);
    expect(daysLate(at("2026-12-02T17:00:00Z"), dueAt)).toBe(1);
    expect(daysLate(at("2026-12-02T17:00:01Z"), dueAt)).toBe(2);
  });
});

describe("creditedScore", () => {
  it("keeps on-time scores whatever the policy", () => {
    expect(creditedScore(9, dueAt, penalty)).toBe(9);
    expect(creditedScore(9, dueAt, close)).toBe(9);
  });
  it("takes the penalty per started day, never below zero", () => {
    expect(creditedScore(9, at("2026-12-01T18:00:00Z"), penalty)).toBe(8.1);
    expect(creditedScore(9, at("2026-12-04T12:00:00Z"), penalty)).toBe(6.3);
    expect(creditedScore(9, at("2027-01-30T12:00:00Z"), penalty)).toBe(0);
  });
  it("gives nothing after the due date when the assignment closes", () => {
    expect(creditedScore(9, at("2026-12-01T17:00:01Z"), close)).toBe(0);
  });
});

describe("exerciseCredit", () => {
  it("is the best credit over all attempts, late or not", () => {
    const attempts = [
      { score: 6, createdAt: at("2026-11-30T10:00:00Z") },
      { score: 9, createdAt: at("2026-12-02T10:00:00Z") }, // 1 day late: 8.1 beats 6
    ];
    expect(exerciseCredit(attempts, penalty)).toEqual({ credited: 8.1, late: true, attempts: 2 });
    expect(exerciseCredit(attempts, close)).toEqual({ credited: 6, late: false, attempts: 2 });
    expect(exerciseCredit([], penalty)).toEqual({ credited: 0, late: false, attempts: 0 });
  });
});

describe("assignmentPhase", () => {
  const opensAt = at("2026-11-24T00:00:00Z");
  it("moves from upcoming to open to late or closed", () => {
    expect(assignmentPhase({ ...penalty, opensAt }, at("2026-11-23T00:00:00Z"))).toBe("upcoming");
    expect(assignmentPhase({ ...penalty, opensAt }, at("2026-11-28T00:00:00Z"))).toBe("open");
    expect(assignmentPhase({ ...penalty, opensAt }, at("2026-12-03T00:00:00Z"))).toBe("late");
    expect(assignmentPhase({ ...close, opensAt }, at("2026-12-03T00:00:00Z"))).toBe("closed");
    // Ten days at 10% a day leaves nothing to earn.
    expect(assignmentPhase({ ...penalty, opensAt }, at("2026-12-12T00:00:00Z"))).toBe("closed");
  });
});
