import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LearnLayout } from "@/components/learn-layout";
import { LessonToc } from "@/components/lesson-toc";
import { Exercise } from "@/components/mdx/exercise";
import { compiledMdxComponents } from "@/components/mdx/registry";
import { Pager } from "@/components/pager";
import { CodeCell } from "@/lib/notebook/code-cell";
import { Notebook } from "@/lib/notebook/notebook";
import { getCourse, getLesson } from "@/lib/content/lesson";

type Params = { module: string; lesson: string };

// Every page is prerendered at build time. Other paths still reach the page
// (not a blanket 404), so the dev server shows a lesson the moment its file is
// added; the page answers 404 itself when there is no such lesson.
export async function generateStaticParams(): Promise<Params[]> {
  const course = await getCourse();
  return course.lessons.map((lesson) => ({ module: lesson.moduleSlug, lesson: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module: moduleSlug, lesson: lessonSlug } = await params;
  const course = await getCourse();
  const entry = course.lessons.find((l) => l.moduleSlug === moduleSlug && l.slug === lessonSlug);
  return entry ? { title: entry.title, description: entry.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, lesson: lessonSlug } = await params;
  const [course, lesson] = await Promise.all([getCourse(), getLesson(moduleSlug, lessonSlug)]);
  if (!lesson) notFound();
  const { entry, moduleEntry, Content, toc, cellCount, workload, previous, next } = lesson;
  const content = <Content components={{ ...compiledMdxComponents, CodeCell, Exercise }} />;

  return (
    <LearnLayout course={course} currentHref={entry.href}>
      <article className="lesson-article">
        <header className="lesson-header">
          <p className="eyebrow">
            <Link href={moduleEntry.href}>{moduleEntry.title}</Link>
          </p>
          <h1>{entry.title}</h1>
          <p className="lede">{entry.summary}</p>
          <p className="meta">About {entry.minutes} minutes</p>
          <section className="objectives" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">You will be able to</h2>
            <ul>
              {entry.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
        </header>
        <LessonToc toc={toc} />
        <div className="prose">{cellCount > 0 ? <Notebook lessonId={`${moduleEntry.slug}/${entry.slug}`} workload={workload}>{content}</Notebook> : content}</div>
      </article>
      <Pager previous={previous} next={next} />
    </LearnLayout>
  );
}
