import Link from "next/link";
import type { Course } from "@/lib/content/course";

/** The course outline in the sidebar, with the current page marked for sighted and screen-reader users alike. */
export function CourseNav({ course, currentHref }: { course: Course; currentHref: string }) {
  return (
    <nav id="course-nav" className="course-nav" aria-label="Course">
      <ol>
        {course.modules.map((module, index) => (
          <li key={module.slug}>
            <Link href={module.href} className="course-nav-module" aria-current={module.href === currentHref ? "page" : undefined}>
              <span className="module-number">{index + 1}</span> {module.title}
            </Link>
            <ol>
              {module.lessons.map((lesson) => (
                <li key={lesson.slug}>
                  <Link href={lesson.href} aria-current={lesson.href === currentHref ? "page" : undefined}>
                    {lesson.title}
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
