import type { ReactNode } from "react";
import { CourseNav } from "@/components/course-nav";
import type { Course } from "@/lib/content/course";

/**
 * The frame of module and lesson pages: the page's main content, then the
 * course outline. On wide screens the outline is a sidebar on the left; on
 * phones it follows the content and a link at the top jumps to it (no
 * JavaScript needed either way).
 */
export function LearnLayout({ course, currentHref, children }: { course: Course; currentHref: string; children: ReactNode }) {
  return (
    <div className="learn-layout">
      <a className="contents-link" href="#course-nav">
        Course contents
      </a>
      <main className="lesson">{children}</main>
      <CourseNav course={course} currentHref={currentHref} />
    </div>
  );
}
