import Link from "next/link";
import { CourseProgressProvider, ModuleProgress } from "@/components/course-progress";
import { LessonList } from "@/components/lesson-list";
import { getCourse } from "@/lib/content/lesson";

export default async function CoursePage() {
  const course = await getCourse();
  const minutes = course.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  return (
    <main className="course-page">
      <header className="course-intro">
        <h1>Deep learning, by running it</h1>
        <p className="lede">
          Learn how neural networks learn: the losses they minimise, the gradients that move them, and the
          convolutions that let them see. Every formula is derived step by step and checked with code you can run.
        </p>
        <p className="meta">
          {course.modules.length} modules · {course.lessons.length} lessons · about {Math.round(minutes / 60)} hours
        </p>
        {course.lessons[0] && (
          <Link className="button" href={course.lessons[0].href}>
            Start with {course.lessons[0].title}
          </Link>
        )}
      </header>

      <CourseProgressProvider>
      <ol className="module-list">
        {course.modules.map((courseModule, index) => (
          <li key={courseModule.slug} className="module-card">
            <h2>
              <span className="module-number">Module {index + 1}</span>
              <Link href={courseModule.href}>{courseModule.title}</Link>
            </h2>
            <p>{courseModule.summary}</p>
            <ModuleProgress hrefs={courseModule.lessons.map((lesson) => lesson.href)} />
            <LessonList lessons={courseModule.lessons} />
          </li>
        ))}
      </ol>
      </CourseProgressProvider>
    </main>
  );
}
