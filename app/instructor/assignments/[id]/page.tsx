import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/instructor/assignment-form";
import { InstructorNav, instructorDenied } from "@/components/instructor/instructor-only";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { exerciseChoices } from "@/lib/instructor/exercise-choices";

export const metadata: Metadata = { title: "Edit assignment" };

/** Change an assignment's dates, late policy or exercises, or delete it. Instructors only. */
export default async function EditAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await instructorDenied("Edit assignment");
  if (denied) return denied;
  const { id } = await params;
  const [assignments, exercises] = await Promise.all([listAssignments(db()), exerciseChoices()]);
  const assignment = assignments.find((a) => a.id === id);
  if (!assignment) notFound();
  return (
    <main className="report-page">
      <InstructorNav current="Assignments" />
      <h1>Edit “{assignment.title}”</h1>
      <AssignmentForm
        exercises={exercises}
        initial={{ ...assignment, opensAt: assignment.opensAt.toISOString(), dueAt: assignment.dueAt.toISOString() }}
      />
    </main>
  );
}
