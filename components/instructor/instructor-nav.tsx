"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { classPage } from "@/lib/instructor/paths";

/** A class's sections, the current one marked for assistive technology. */
export function InstructorNav({ classId }: { classId: string }) {
  const path = usePathname();
  const home = classPage(classId);
  const sections = [
    { href: home, label: "Roster", owns: path === home || path.startsWith(`${home}/students`) },
    { href: `${home}/exercises`, label: "Exercises", owns: path.startsWith(`${home}/exercises`) },
    { href: `${home}/assignments`, label: "Assignments", owns: path.startsWith(`${home}/assignments`) },
    { href: `${home}/people`, label: "People and joining", owns: path.startsWith(`${home}/people`) },
  ];
  return (
    <nav aria-label="Instructor" className="instructor-nav">
      <Link href="/instructor">All classes</Link>
      {sections.map((section) => (
        <Link key={section.href} href={section.href} aria-current={section.owns ? "page" : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
