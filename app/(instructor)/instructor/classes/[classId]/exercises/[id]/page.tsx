import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { STATS_HEADERS, statsCells } from "@/components/instructor/exercise-stats-row";
import { ReportTable } from "@/components/instructor/report-table";
import { exerciseReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Exercise" };

/** One exercise: its numbers, and its failures grouped by test and message, so the class's misconceptions show. */
export default async function ExerciseStatsPage({ params }: { params: Promise<{ classId: string; id: string }> }) {
  const { classId, id } = await params;
  const report = await exerciseReport(classId, id);
  if (report === null) notFound();
  const { exercise, stats, failures } = report;
  return (
    <>
      <h1>{exercise.title}</h1>
      <p>
        In <Link href={exercise.lessonHref}>its lesson</Link> · worth {exercise.maxScore} points · {exercise.hints.length} hints · solution after{" "}
        {exercise.revealSolutionAfter} submissions
      </p>
      <dl className="stats-list" data-testid="exercise-stats">
        {statsCells(stats).map((cell, index) => (
          <div key={STATS_HEADERS[index]}>
            <dt>{STATS_HEADERS[index]}</dt>
            <dd>{cell}</dd>
          </div>
        ))}
      </dl>
      <h2>Where students fail</h2>
      {failures.length === 0 ? (
        <p>No failed submissions yet.</p>
      ) : (
        <ReportTable label="Failures" caption="Failed tests grouped by test and message (numbers in messages differ between students), most students first">
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Message (an example)</th>
              <th scope="col">Students</th>
              <th scope="col">Submissions</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((failure) => (
              <tr key={`${failure.test}\0${failure.message}`}>
                <th scope="row">{failure.test}</th>
                <td>{failure.message || "–"}</td>
                <td>{failure.students}</td>
                <td>{failure.submissions}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
    </>
  );
}
