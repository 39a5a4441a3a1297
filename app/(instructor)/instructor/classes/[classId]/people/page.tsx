import type { Metadata } from "next";
import Link from "next/link";
import { AddInstructorForm, JoinCodePanel, RemoveMemberButton } from "@/components/instructor/class-forms";
import { LocalTime } from "@/components/local-time";
import { ReportTable } from "@/components/instructor/report-table";
import { classPage } from "@/lib/instructor/paths";
import { peopleReport } from "@/lib/instructor/reports";

export const metadata: Metadata = { title: "People and joining" };

/** How students join the class, and who is in it: instructors first, then students, each removable. */
export default async function PeoplePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { found, people } = await peopleReport(classId);
  return (
    <>
      <h1>People and joining</h1>
      <section aria-labelledby="joining">
        <h2 id="joining">Joining</h2>
        <JoinCodePanel classId={classId} joinCode={found.joinCode} />
      </section>
      <section aria-labelledby="people">
        <h2 id="people">In this class</h2>
        <ReportTable label="People in this class" caption={`${found.instructors} ${found.instructors === 1 ? "instructor" : "instructors"}, ${found.students} ${found.students === 1 ? "student" : "students"}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.userId}>
                <th scope="row">{person.role === "student" ? <Link href={classPage(classId, "students", person.userId)}>{person.name}</Link> : person.name}</th>
                <td>{person.email}</td>
                <td>{person.role}</td>
                <td>
                  <LocalTime iso={person.joinedAt.toISOString()} />
                </td>
                <td>{(person.role === "student" || found.instructors > 1) && <RemoveMemberButton classId={classId} userId={person.userId} name={person.name} />}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      </section>
      <section aria-labelledby="co-instructor">
        <h2 id="co-instructor">Add a co-instructor</h2>
        <p>They see this class as you do: its roster, statistics and assignments, and these settings.</p>
        <AddInstructorForm classId={classId} />
      </section>
    </>
  );
}
