import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentForm } from "@/components/instructor/assignment-form";
import { InstructorNav, instructorDenied } from "@/components/instructor/instructor-only";
import { LocalTime } from "@/components/local-time";
import { describeLatePolicy, PHASE_LABELS } from "@/lib/assignments/describe";
import { assignmentPhase } from "@/lib/assignments/late-policy";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { exerciseChoices } from "@/lib/instructor/exercise-choices";

export const metadata: Metadata = { title: "Assignments" };

/** The class's assignments, and the form for a new one. Instructors only. */
export default async function AssignmentsPage() {
  const denied = await instructorDenied("Assignments");
  if (denied) return denied;
  const [assignments, exercises] = await Promise.all([listAssignments(db()), exerciseChoices()]);
  const now = new Date();
  return (
    <main className="report-page">
      <InstructorNav current="Assignments" />
      <h1>Assignments</h1>
      {assignments.length === 0 ? (
        <p>No assignments yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Assignments">
          <table className="report-table">
            <caption>By due date; grades are in the roster and the CSV.</caption>
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Opens</th>
                <th scope="col">Due</th>
                <th scope="col">Late work</th>
                <th scope="col">Exercises</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/instructor/assignments/${a.id}`}>{a.title}</Link>
                  </th>
                  <td>
                    <LocalTime iso={a.opensAt.toISOString()} />
                  </td>
                  <td>
                    <LocalTime iso={a.dueAt.toISOString()} />
                  </td>
                  <td>{describeLatePolicy(a)}</td>
                  <td>{a.exerciseIds.length}</td>
                  <td>{PHASE_LABELS[assignmentPhase(a, now)]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-assignment">
        <h2 id="new-assignment">New assignment</h2>
        <AssignmentForm exercises={exercises} />
      </section>
    </main>
  );
}
