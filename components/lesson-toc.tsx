import type { TocEntry } from "@/lib/content/compile";

export function LessonToc({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav className="lesson-toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {toc.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "toc-sub" : undefined}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
