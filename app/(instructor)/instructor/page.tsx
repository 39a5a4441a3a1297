import type { Metadata } from "next";
import Link from "next/link";
import { NewClassForm } from "@/components/instructor/class-forms";
import { ReportTable } from "@/components/instructor/report-table";
import { classPage } from "@/lib/instructor/paths";
import { classesReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "Your classes" };

/** The classes this instructor teaches, and (for instructor accounts) a form for a new one. */
export default async function ClassesPage() {
  const { classes, mayCreate } = await classesReport();
  return (
    <>
      <h1>Your classes</h1>
      {classes.length === 0 ? (
        <p>You teach no class yet.</p>
      ) : (
        <ReportTable label="Your classes" caption="Newest first. Everything in a class (roster, statistics, assignments) is of its students only.">
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Term</th>
              <th scope="col">Students</th>
              <th scope="col">Instructors</th>
              <th scope="col">Joining</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={classPage(c.id)}>{c.name}</Link>
                </th>
                <td>{c.term || "–"}</td>
                <td>{c.students}</td>
                <td>{c.instructors}</td>
                <td>{c.joinCode ? `open (code ${c.joinCode})` : "closed"}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
      <p>
        Teaching from Canvas, Moodle or another LMS? <Link href="/instructor/lms">Using Descent from an LMS</Link>: its courses become classes here.
      </p>
      {mayCreate && (
        <section aria-labelledby="new-class">
          <h2 id="new-class">New class</h2>
          <NewClassForm />
        </section>
      )}
    </>
  );
}
