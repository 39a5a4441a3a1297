import type { ReactNode } from "react";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { requireClassPage } from "@/lib/instructor/access";

/** A class's pages: a 404 for an instructor who does not teach it, then its name and sections. */
export default async function ClassLayout({ children, params }: { children: ReactNode; params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const found = await requireClassPage(classId);
  return (
    <>
      <p className="class-banner" data-testid="class-banner">
        {found.name}
        {found.term && <> · {found.term}</>}
      </p>
      <InstructorNav classId={classId} />
      {children}
    </>
  );
}
