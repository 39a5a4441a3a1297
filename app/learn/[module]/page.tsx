import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LearnLayout } from "@/components/learn-layout";
import { LessonList } from "@/components/lesson-list";
import { getCourse } from "@/lib/content/lesson";

type Params = { module: string };

// Every page is prerendered at build time. Other paths still reach the page
// (not a blanket 404), so the dev server shows a lesson the moment its file is
// added; the page answers 404 itself when there is no such lesson.
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
    <LearnLayout course={course} currentHref={moduleEntry.href}>
      <header className="lesson-header">
        <p className="eyebrow">
          <Link href="/">Course</Link>
        </p>
        <h1>{moduleEntry.title}</h1>
        <p className="lede">{moduleEntry.summary}</p>
      </header>
      <LessonList lessons={moduleEntry.lessons} />
    </LearnLayout>
  );
}
