"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/instructor", label: "Roster", owns: (path: string) => path === "/instructor" || path.startsWith("/instructor/students") },
  { href: "/instructor/exercises", label: "Exercises", owns: (path: string) => path.startsWith("/instructor/exercises") },
  { href: "/instructor/assignments", label: "Assignments", owns: (path: string) => path.startsWith("/instructor/assignments") },
] as const;

/** The instructor area's sections, the current one marked for assistive technology. */
export function InstructorNav() {
  const path = usePathname();
  return (
    <nav aria-label="Instructor" className="instructor-nav">
      {SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} aria-current={section.owns(path) ? "page" : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
