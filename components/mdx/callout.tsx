import type { ReactNode } from "react";

import type { CalloutKind } from "@/lib/content/mdx-components";

const DEFAULT_TITLES: Record<CalloutKind, string> = {
  note: "Note",
  tip: "Tip",
  warning: "Warning",
  mistake: "Common mistake",
};

/** A boxed aside in a lesson: a note, a tip, a warning, or a common mistake to avoid. */
export function Callout({ kind = "note", title, children }: { kind?: CalloutKind; title?: string; children?: ReactNode }) {
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? DEFAULT_TITLES[kind]}>
      <p className="callout-title">{title ?? DEFAULT_TITLES[kind]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
