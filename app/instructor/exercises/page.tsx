import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav, instructorDenied } from "@/components/instructor/instructor-only";
import { STATS_HEADERS, statsCells } from "@/components/instructor/exercise-stats-row";
import { db } from "@/lib/db/client";
import { exerciseStats } from "@/lib/db/exercise-stats";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

export const metadata: Metadata = { title: "Exercises" };

/** Every exercise's attempts, pass rate, attempts to pass and help used, in course order. Instructors only. */
export default async function ExercisesPage() {
  const denied = await instructorDenied("Exercises");
  if (denied) return denied;
  const catalog = await getExerciseCatalog();
  const stats = await exerciseStats(db(), [...catalog.byId.keys()]);
  return (
    <main className="report-page">
      <InstructorNav current="Exercises" />
      <h1>Exercises</h1>
      <p>Open an exercise to see the failures its students hit most.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Exercise statistics">
        <table className="report-table">
          <caption>Students only; instructors&apos; own attempts are not counted.</caption>
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
                  <Link href={`/instructor/exercises/${row.exerciseId}`}>{catalog.byId.get(row.exerciseId)!.title}</Link>
                </th>
                {statsCells(row).map((cell, index) => (
                  <td key={STATS_HEADERS[index]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
