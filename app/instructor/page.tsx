import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav, instructorDenied } from "@/components/instructor/instructor-only";
import { classGradebook } from "@/lib/instructor/class-gradebook";

export const metadata: Metadata = { title: "Roster" };

/** Columns the roster sorts by: index into the gradebook's cells, and the direction that reads best. */
const SORTS = {
  name: { label: "student", column: 0, descending: false },
  total: { label: "exercise total", column: -1, descending: true },
  activity: { label: "last activity", column: 2, descending: true },
} as const;
type Sort = keyof typeof SORTS;

/**
 * The roster: every student with their best score per exercise, assignment
 * credit, lessons done per module and last activity, as in the CSV export.
 * Instructors only.
 */
export default async function RosterPage({ searchParams }: { searchParams: Promise<{ q?: string; sort?: string }> }) {
  const denied = await instructorDenied("Roster");
  if (denied) return denied;
  const { q = "", sort: sortParam } = await searchParams;
  const sort: Sort = sortParam && sortParam in SORTS ? (sortParam as Sort) : "name";
  const { layout, table } = await classGradebook();
  const exerciseTotalColumn = 3 + layout.exercises.length;
  const column = sort === "total" ? exerciseTotalColumn : SORTS[sort].column;
  const direction = SORTS[sort].descending ? -1 : 1;
  const needle = q.trim().toLowerCase();
  const rows = table.rows
    .filter(({ cells }) => `${cells[0]} ${cells[1]}`.toLowerCase().includes(needle))
    .sort((a, b) => {
      const [x, y] = [a.cells[column]!, b.cells[column]!];
      return direction * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
    });
  const sortLink = (key: Sort, text: string) => (
    <Link href={`?q=${encodeURIComponent(q)}&sort=${key}`} aria-label={`${text}, sort by this column`}>
      {text}
    </Link>
  );

  return (
    <main className="report-page">
      <InstructorNav current="Roster" />
      <h1>Roster</h1>
      <form className="report-filter" role="search">
        <label>
          Filter by name or email <input name="q" defaultValue={q} />
        </label>
        <input type="hidden" name="sort" value={sort} />
        <button type="submit">Filter</button>
        <a href="/api/instructor/gradebook" download>
          Download the gradebook (CSV)
        </a>
      </form>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Roster table">
        <table className="report-table">
          <caption>
            {rows.length} {rows.length === 1 ? "student" : "students"}, sorted by {SORTS[sort].label}
          </caption>
          <thead>
            <tr>
              {table.header.map((text, index) => {
                const key = (Object.keys(SORTS) as Sort[]).find((k) => (k === "total" ? exerciseTotalColumn : SORTS[k].column) === index);
                return (
                  <th key={text} scope="col" aria-sort={key === sort ? (SORTS[sort].descending ? "descending" : "ascending") : undefined}>
                    {key ? sortLink(key, text) : text}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row.learnerId}>
                <th scope="row">
                  <Link href={`/instructor/students/${row.learnerId}`}>{cells[0]}</Link>
                </th>
                {cells.slice(1).map((cell, index) => {
                  const exercise = layout.exercises[index - 2];
                  const passed = exercise && row.best[exercise.id]?.passed;
                  return (
                    <td key={table.header[index + 1]}>
                      {cell === "" ? "–" : cell}
                      {passed && (
                        <>
                          <span aria-hidden="true"> ✓</span>
                          <span className="visually-hidden"> (passed)</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
