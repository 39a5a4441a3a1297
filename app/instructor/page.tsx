import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ApiError } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { gradebook } from "@/lib/db/gradebook";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

export const metadata: Metadata = { title: "Roster" };

const SORTS = { name: "Student", total: "Total", activity: "Last activity" } as const;
type Sort = keyof typeof SORTS;

/** The roster: every student, their best score per exercise, lessons completed and last activity. Instructors only. */
export default async function RosterPage({ searchParams }: { searchParams: Promise<{ q?: string; sort?: string }> }) {
  try {
    await requireInstructor(await headers());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <main className="account-page">
        <h1>Roster</h1>
        <p role="alert">{error.message}</p>
        <Link href="/account">Sign in</Link>
      </main>
    );
  }
  const { q = "", sort: sortParam } = await searchParams;
  const sort: Sort = sortParam && sortParam in SORTS ? (sortParam as Sort) : "name";
  const catalog = await getExerciseCatalog();
  const exercises = [...catalog.byId.values()];
  const label = (row: { name?: string; email?: string; learnerId: string }) => row.name ?? row.email ?? `anonymous ${row.learnerId.slice(0, 8)}`;
  const rows = (await gradebook(db()))
    .filter((row) => `${label(row)} ${row.email ?? ""}`.toLowerCase().includes(q.toLowerCase()))
    .sort((a, b) => (sort === "total" ? b.total - a.total : sort === "activity" ? b.lastActivity.localeCompare(a.lastActivity) : label(a).localeCompare(label(b))));

  return (
    <main className="roster-page">
      <h1>Roster</h1>
      <form className="roster-filter" role="search">
        <label>
          Filter by name or email <input name="q" defaultValue={q} />
        </label>
        <input type="hidden" name="sort" value={sort} />
        <button type="submit">Filter</button>
        <a href="/api/instructor/gradebook" download>
          Download the gradebook (CSV)
        </a>
      </form>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption>
            {rows.length} {rows.length === 1 ? "student" : "students"}, sorted by {SORTS[sort].toLowerCase()}
          </caption>
          <thead>
            <tr>
              {(["name"] as const).map((key) => (
                <th key={key} scope="col" aria-sort={sort === key ? "ascending" : undefined}>
                  <Link href={`?q=${encodeURIComponent(q)}&sort=${key}`}>{SORTS[key]}</Link>
                </th>
              ))}
              {exercises.map((exercise) => (
                <th key={exercise.id} scope="col">
                  {exercise.title}
                </th>
              ))}
              <th scope="col" aria-sort={sort === "total" ? "descending" : undefined}>
                <Link href={`?q=${encodeURIComponent(q)}&sort=total`}>Total</Link>
              </th>
              <th scope="col">Lessons completed</th>
              <th scope="col" aria-sort={sort === "activity" ? "descending" : undefined}>
                <Link href={`?q=${encodeURIComponent(q)}&sort=activity`}>Last activity</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.learnerId}>
                <th scope="row">{label(row)}</th>
                {exercises.map((exercise) => {
                  const best = row.best[exercise.id];
                  return <td key={exercise.id}>{best ? `${best.score}/${best.maxScore}${best.passed ? " ✓" : ""}` : "–"}</td>;
                })}
                <td>{row.total}</td>
                <td>{row.completedLessons}</td>
                <td>{new Date(row.lastActivity).toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
