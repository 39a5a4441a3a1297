import type { ReactNode } from "react";
import { requireInstructorPage } from "@/lib/instructor/access";

/**
 * Every instructor page's frame: the access check (anyone but a signed-in
 * instructor gets a real 401 or 403, with app/unauthorized.tsx or
 * app/forbidden.tsx) and the report layout. Each class's pages check that
 * this instructor teaches it (classes/[classId]/layout.tsx), and each page's
 * data is guarded again where it is loaded (lib/instructor/access.ts).
 *
 * The check runs before anything streams: this route group has no
 * loading.tsx and no Suspense above the layout, which would send a 200
 * before the status is known.
 */
export default async function InstructorLayout({ children }: { children: ReactNode }) {
  await requireInstructorPage();
  return <main className="report-page">{children}</main>;
}
