import Link from "next/link";

type PagerLink = { href: string; title: string };

/** Previous and next lesson, across module boundaries. */
export function Pager({ previous, next }: { previous?: PagerLink; next?: PagerLink }) {
  return (
    <nav className="pager" aria-label="Previous and next lesson">
      {previous ? (
        <Link href={previous.href} rel="prev" className="pager-previous">
          <span className="pager-label">Previous</span>
          <span className="pager-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next" className="pager-next">
          <span className="pager-label">Next</span>
          <span className="pager-title">{next.title}</span>
        </Link>
      ) : (
        <Link href="/" className="pager-next">
          <span className="pager-label">Finished</span>
          <span className="pager-title">Back to the course</span>
        </Link>
      )}
    </nav>
  );
}
