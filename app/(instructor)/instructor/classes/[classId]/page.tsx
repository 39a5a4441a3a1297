import type { Metadata } from "next";
import Link from "next/link";
import { LmsStatus } from "@/components/instructor/lms-status";
import { ReportTable } from "@/components/instructor/report-table";
import { GRADEBOOK_COLUMNS } from "@/lib/db/gradebook";
import { classApi, classPage } from "@/lib/instructor/paths";
import { rosterReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Roster" };

/** Columns the roster sorts by: the gradebook column's key, and the direction that reads best. */
const SORTS = {
  name: { label: "student", column: GRADEBOOK_COLUMNS.student, descending: false },
  total: { label: "exercise total", column: GRADEBOOK_COLUMNS.exerciseTotal, descending: true },
  activity: { label: "last activity", column: GRADEBOOK_COLUMNS.lastActivity, descending: true },
} as const;
type Sort = keyof typeof SORTS;
const sortOfColumn = (key: string) => (Object.keys(SORTS) as Sort[]).find((sort) => SORTS[sort].column === key);

/**
 * The roster: every student with their best score per exercise, assignment
 * credit, lessons done per module and last activity, as in the CSV export.
 */
export default async function RosterPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ q?: string; sort?: string }> }) {
  const { classId } = await params;
  const report = await rosterReport(classId);
  const { table } = report;
  const { q = "", sort: sortParam } = await searchParams;
  const sort: Sort = sortParam && sortParam in SORTS ? (sortParam as Sort) : "name";
  const { column, descending } = SORTS[sort];
  const needle = q.trim().toLowerCase();
  const rows = table.rows
    .filter(({ cells }) => `${cells[GRADEBOOK_COLUMNS.student]} ${cells[GRADEBOOK_COLUMNS.email]}`.toLowerCase().includes(needle))
    .sort((a, b) => {
      const [x, y] = [a.cells[column], b.cells[column]];
      return (descending ? -1 : 1) * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
    });
  const [studentColumn, ...otherColumns] = table.columns;

  return (
    <>
      <h1>Roster</h1>
      <form className="report-filter" role="search">
        <label>
          Filter by name or email <input name="q" defaultValue={q} />
        </label>
        <input type="hidden" name="sort" value={sort} />
        <button type="submit">Filter</button>
        <a href={classApi(classId, "gradebook")} download>
          Download the gradebook (CSV)
        </a>
      </form>
      <ReportTable label="Roster table" caption={`${rows.length} ${rows.length === 1 ? "student" : "students"}, sorted by ${SORTS[sort].label}`}>
        <thead>
          <tr>
            {table.columns.map(({ key, label }) => {
              const sortHere = sortOfColumn(key);
              return (
                <th key={key} scope="col" aria-sort={sortHere === sort ? (descending ? "descending" : "ascending") : undefined}>
                  {sortHere ? (
                    <Link href={`?q=${encodeURIComponent(q)}&sort=${sortHere}`} aria-label={`${label}, sort by this column`}>
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, cells }) => (
            <tr key={row.userId}>
              <th scope="row">
                <Link href={classPage(classId, "students", row.userId)}>{cells[studentColumn!.key]}</Link>
              </th>
              {otherColumns.map(({ key, exerciseId }) => {
                const cell = cells[key];
                return (
                  <td key={key}>
                    {cell === "" ? "–" : cell}
                    {exerciseId && row.best[exerciseId]?.passed && (
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
      </ReportTable>
      {report.lms && <LmsStatus classId={classId} lms={report.lms} />}
    </>
  );
}
