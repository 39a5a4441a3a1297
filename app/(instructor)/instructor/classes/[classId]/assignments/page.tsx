import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentForm } from "@/components/instructor/assignment-form";
import { ReportTable } from "@/components/instructor/report-table";
import { LocalTime } from "@/components/local-time";
import { describeLatePolicy, PHASE_LABELS } from "@/lib/assignments/describe";
import { assignmentPhase } from "@/lib/assignments/late-policy";
import { classPage } from "@/lib/instructor/paths";
import { assignmentsReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Assignments" };

/** The class's assignments, and the form for a new one. */
export default async function AssignmentsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const report = await assignmentsReport(classId);
  const { assignments, exercises } = report;
  const now = new Date();
  return (
    <>
      <h1>Assignments</h1>
      {assignments.length === 0 ? (
        <p>No assignments yet.</p>
      ) : (
        <ReportTable label="Assignments" caption="By due date; grades are in the roster and the CSV.">
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
                  <Link href={classPage(classId, "assignments", a.id)}>{a.title}</Link>
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
        </ReportTable>
      )}
      <section aria-labelledby="new-assignment">
        <h2 id="new-assignment">New assignment</h2>
        <AssignmentForm classId={classId} exercises={exercises} />
      </section>
    </>
  );
}
