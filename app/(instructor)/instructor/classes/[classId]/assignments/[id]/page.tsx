import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/instructor/assignment-form";
import { assignmentsReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Edit assignment" };

/** Change an assignment's dates, late policy or exercises, or delete it. */
export default async function EditAssignmentPage({ params }: { params: Promise<{ classId: string; id: string }> }) {
  const { classId, id } = await params;
  const report = await assignmentsReport(classId);
  const assignment = report.assignments.find((a) => a.id === id);
  if (!assignment) notFound();
  return (
    <>
      <h1>Edit “{assignment.title}”</h1>
      <AssignmentForm
        classId={classId}
        exercises={report.exercises}
        initial={{ ...assignment, opensAt: assignment.opensAt.toISOString(), dueAt: assignment.dueAt.toISOString() }}
      />
    </>
  );
}
