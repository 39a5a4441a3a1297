import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseNav } from "@/components/course-nav";
import { getCourse } from "@/lib/content/lesson";

type Params = { module: string };

export const dynamicParams = false;

export async function generateStaticParams(): Promise<Params[]> {
  const course = await getCourse();
  return course.modules.map((module) => ({ module: module.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module: slug } = await params;
  const moduleEntry = (await getCourse()).modules.find((m) => m.slug === slug);
  return moduleEntry ? { title: moduleEntry.title, description: moduleEntry.summary } : {};
}

export default async function ModulePage({ params }: { params: Promise<Params> }) {
  const { module: slug } = await params;
  const course = await getCourse();
  const moduleEntry = course.modules.find((m) => m.slug === slug);
  if (!moduleEntry) notFound();

  return (
    <div className="learn-layout">
      <a className="contents-link" href="#course-nav">
        Course contents
      </a>
      <main className="lesson">
        <header className="lesson-header">
          <p className="eyebrow">
            <Link href="/">Course</Link>
          </p>
          <h1>{moduleEntry.title}</h1>
          <p className="lede">{moduleEntry.summary}</p>
        </header>
        <ol className="lesson-list">
          {moduleEntry.lessons.map((lesson) => (
            <li key={lesson.slug}>
              <Link href={lesson.href}>{lesson.title}</Link>
              <span className="meta"> · {lesson.minutes} min</span>
              <p>{lesson.summary}</p>
            </li>
          ))}
        </ol>
      </main>
      <CourseNav course={course} currentHref={moduleEntry.href} />
    </div>
  );
}
