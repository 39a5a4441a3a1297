import { z } from "zod";
import { LATE_POLICIES } from "./late-policy";

const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what} must be a date and time, e.g. 2026-12-01T17:00:00Z` }).transform((s) => new Date(s));

/** What an instructor sends to create or change an assignment; the API validates it, the form builds it. */
export const AssignmentInput = z
  .strictObject({
    title: z.string().trim().min(1, "title must not be empty").max(200),
    opensAt: instant("opensAt"),
    dueAt: instant("dueAt"),
    latePolicy: z.enum(LATE_POLICIES),
    /** Points taken per started day late, in percent of the score; used by the "penalty" policy. */
    latePenaltyPercent: z.int().min(0).max(100).default(0),
    exerciseIds: z.array(z.string().min(1).max(100)).min(1, "choose at least one exercise").max(50),
  })
  .refine((a) => a.dueAt > a.opensAt, { path: ["dueAt"], message: "the due date must be after the open date" })
  .refine((a) => new Set(a.exerciseIds).size === a.exerciseIds.length, { path: ["exerciseIds"], message: "an exercise is listed twice" });

export type AssignmentInput = z.infer<typeof AssignmentInput>;
