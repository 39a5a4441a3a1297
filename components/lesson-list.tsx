import Link from "next/link";
import type { LessonEntry } from "@/lib/content/course";
import { LessonProgress } from "./course-progress";

/** A module's lessons with their time and summary, as on the course and module pages. */
export function LessonList({ lessons }: { lessons: LessonEntry[] }) {
  return (
    <ol className="lesson-list">
      {lessons.map((lesson) => (
        <li key={lesson.slug}>
          <Link href={lesson.href}>{lesson.title}</Link>
          <span className="meta"> · {lesson.minutes} min</span>
          <LessonProgress href={lesson.href} />
          <p>{lesson.summary}</p>
        </li>
      ))}
    </ol>
  );
}
