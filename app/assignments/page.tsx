import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { describeLatePolicy, PHASE_LABELS } from "@/lib/assignments/describe";
import { assignmentPhase } from "@/lib/assignments/late-policy";
import { auth } from "@/lib/auth/auth";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { assignmentGrades, listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { classesOf, type ClassSummary } from "@/lib/db/classes";
import { courseProgress } from "@/lib/db/progress";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

export const metadata: Metadata = { title: "Assignments" };

/**
 * Each of the learner's classes with what is due when, and where they stand:
 * per exercise and in credited points, by each assignment's late policy.
 */
export default async function StudentAssignmentsPage() {
  const requestHeaders = await headers();
  const [session, learnerId, catalog] = await Promise.all([auth.api.getSession({ headers: requestHeaders }), currentLearnerId({ headers: requestHeaders }), getExerciseCatalog()]);
  const classes = session ? await classesOf(db(), session.user.id, "student") : [];
  const progress = learnerId ? await courseProgress(db(), learnerId) : undefined;
  const now = new Date();

  return (
    <main className="report-page">
      <h1>Assignments</h1>
      {!session && (
        <p>
          Assignments belong to classes. <Link href="/account">Sign in</Link>, then follow your class&apos;s join link or <Link href="/join">type its code</Link>.
        </p>
      )}
      {session && classes.length === 0 && (
        <p>
          You are not in a class yet. Follow the join link your instructor gave, or <Link href="/join">type the class&apos;s code</Link>.
        </p>
      )}
      {classes.map((found) => (
        <ClassAssignments key={found.id} found={found} learnerId={learnerId} catalog={catalog} progress={progress} now={now} />
      ))}
    </main>
  );
}

type Catalog = Awaited<ReturnType<typeof getExerciseCatalog>>;
type Progress = Awaited<ReturnType<typeof courseProgress>>;

async function ClassAssignments({ found, learnerId, catalog, progress, now }: { found: ClassSummary; learnerId?: string; catalog: Catalog; progress?: Progress; now: Date }) {
  const assignments = await listAssignments(db(), found.id);
  const grades = learnerId ? await assignmentGrades(db(), assignments, [learnerId]) : undefined;
  return (
    <section className="class-assignments" aria-labelledby={`class-${found.id}`} data-testid="class-assignments">
      <h2 id={`class-${found.id}`}>
        {found.name}
        {found.term && <span className="class-term"> · {found.term}</span>}
      </h2>
      {assignments.length === 0 && <p>Your instructor has not set any assignments in this class yet.</p>}
      {assignments.map((assignment) => {
        const grade = learnerId ? grades?.get(learnerId)?.get(assignment.id) : undefined;
        const max = assignment.exerciseIds.reduce((sum, id) => sum + (catalog.byId.get(id)?.maxScore ?? 0), 0);
        const phase = assignmentPhase(assignment, now);
        return (
          <section key={assignment.id} className="assignment" aria-labelledby={`assignment-${assignment.id}`} data-testid="assignment">
            <h3 id={`assignment-${assignment.id}`}>{assignment.title}</h3>
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
    </section>
  );
}
