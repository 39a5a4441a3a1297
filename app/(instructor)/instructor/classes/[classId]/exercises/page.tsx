import type { Metadata } from "next";
import Link from "next/link";
import { STATS_HEADERS, statsCells } from "@/components/instructor/exercise-stats-row";
import { ReportTable } from "@/components/instructor/report-table";
import { classPage } from "@/lib/instructor/paths";
import { exercisesReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Exercises" };

/** Every exercise's attempts, pass rate, attempts to pass and help used, in course order. */
export default async function ExercisesPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const stats = await exercisesReport(classId);
  return (
    <>
      <h1>Exercises</h1>
      <p>Open an exercise to see the failures its students hit most.</p>
      <ReportTable label="Exercise statistics" caption={<>This class&apos;s students only; instructors&apos; own attempts are not counted.</>}>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            {STATS_HEADERS.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.map((row) => (
            <tr key={row.exerciseId}>
              <th scope="row">
                <Link href={classPage(classId, "exercises", row.exerciseId)}>{row.title}</Link>
              </th>
              {statsCells(row).map((cell, index) => (
                <td key={STATS_HEADERS[index]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ReportTable>
    </>
  );
}
