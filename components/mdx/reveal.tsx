import type { ReactNode } from "react";

/**
 * A question's answer, hidden until the learner opens it. A native <details>
 * element, so it works from the keyboard and without JavaScript.
 */
export function Reveal({ summary = "Show the answer", children }: { summary?: string; children?: ReactNode }) {
  return (
    <details className="reveal">
      <summary>{summary}</summary>
      <div className="reveal-body">{children}</div>
    </details>
  );
}
