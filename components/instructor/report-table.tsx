import type { ReactNode } from "react";

/** A report's table: scrollable on a narrow screen, and reachable by keyboard to scroll it. */
export function ReportTable({ label, caption, children }: { label: string; caption: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="report-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
