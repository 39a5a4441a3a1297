import { z } from "zod";
import type { FieldHints } from "@/lib/content/parse-yaml";

const identifier = z.string().regex(/^[A-Za-z_$][\w$]*$/, "must be a JavaScript function name, e.g. `mse`");

/** exercise.yaml: everything about an exercise that is not code or prose. */
export const exerciseSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  functions: z.array(identifier).min(1).max(10),
  hints: z.array(z.string().trim().min(1)).max(10).default([]),
  revealSolutionAfter: z.int().min(1).max(100).default(3),
  timeLimitSeconds: z.number().min(1).max(60).default(10),
  submissionsPerHour: z.int().min(1).max(1000).default(30),
  feedback: z.strictObject({ passed: z.string().trim().min(1) }).optional(),
  wrong: z
    .array(
      z.strictObject({
        file: z.string().regex(/^wrong\/[a-z0-9-]+\.ts$/, "must name a file in wrong/, e.g. `wrong/sign-error.ts`"),
        test: z.string().min(1),
        message: z.string().min(1),
      }),
    )
    .default([]),
});
export type ExerciseInfo = z.infer<typeof exerciseSchema>;

export const exerciseHints: FieldHints = {
  title: "Give the exercise a title of at most 100 characters, e.g. `title: Mean squared error`.",
  functions: "List the functions the learner writes and the tests call, e.g. `functions: [mse]`.",
  hints: "Optional: hints a learner can reveal one at a time, one per line as `- …`.",
  revealSolutionAfter: "Optional: how many graded attempts a signed-in learner makes before they may reveal the solution (default 3); passing opens it too.",
  timeLimitSeconds: "Optional: the grader's time limit per submission in seconds, 1 to 60 (default 10).",
  submissionsPerHour: "Optional: how many submissions a learner may make in an hour (default 30), so the grader cannot be used to probe the hidden tests.",
  feedback: "Optional: `feedback:` with `passed: …`, the message shown on full marks.",
  wrong: "Optional: known-wrong solutions, each `- file: wrong/name.ts`, `test: <test name>`, `message: <text the failure must contain>`.",
};
