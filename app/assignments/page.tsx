import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { describeLatePolicy, PHASE_LABELS } from "@/lib/assignments/describe";
import { assignmentPhase } from "@/lib/assignments/late-policy";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { assignmentGrades, listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { courseProgress } from "@/lib/db/progress";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

export const metadata: Metadata = { title: "Assignments" };

/** What is due when, and where the learner stands: per exercise and in credited points, by each assignment's late policy. */
export default async function StudentAssignmentsPage() {
  const learnerId = await currentLearnerId({ headers: await headers() });
  const [assignments, catalog] = await Promise.all([listAssignments(db()), getExerciseCatalog()]);
  const [grades, progress] = learnerId
    ? await Promise.all([assignmentGrades(db(), assignments, [learnerId]), courseProgress(db(), learnerId)])
    : [undefined, undefined];
  const now = new Date();

  return (
    <main className="report-page">
      <h1>Assignments</h1>
      {assignments.length === 0 && <p>Your instructor has not set any assignments yet.</p>}
      {assignments.map((assignment) => {
        const grade = learnerId ? grades?.get(learnerId)?.get(assignment.id) : undefined;
        const max = assignment.exerciseIds.reduce((sum, id) => sum + (catalog.byId.get(id)?.maxScore ?? 0), 0);
        const phase = assignmentPhase(assignment, now);
        return (
          <section key={assignment.id} className="assignment" aria-labelledby={`assignment-${assignment.id}`} data-testid="assignment">
            <h2 id={`assignment-${assignment.id}`}>{assignment.title}</h2>
            <p>
              <strong>{PHASE_LABELS[phase]}</strong> · {phase === "upcoming" ? <>opens <LocalTime iso={assignment.opensAt.toISOString()} /> · </> : null}
              due <LocalTime iso={assignment.dueAt.toISOString()} /> · {describeLatePolicy(assignment)}
            </p>
            <p data-testid="assignment-grade">
              Your grade: {grade?.credited ?? 0} of {max} points
            </p>
            <ul className="assignment-exercises">
              {assignment.exerciseIds.map((id) => {
                const exercise = catalog.byId.get(id);
                if (!exercise) return null;
                const best = progress?.exercises[id];
                const credit = grade?.exercises[id];
                const status = !best
                  ? "not started"
                  : best.passed
                    ? credit && credit.credited < exercise.maxScore
                      ? `passed after the due date: ${credit.credited} of ${exercise.maxScore} points count`
                      : "passed"
                    : `best score ${best.bestScore}/${exercise.maxScore}`;
                return (
                  <li key={id}>
                    <Link href={exercise.lessonHref}>{exercise.title}</Link> — {status}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
