import type { TestResult } from "@/lib/cell-runtime/verdict";

/** Test-by-test results, for Check and for the server's verdict: passed or failed, points, and the message. */
export function TestResults({ tests, label }: { tests: TestResult[]; label: string }) {
  return (
    <ul className="test-results" aria-label={label}>
      {tests.map((test) => (
        <li key={`${test.hidden}-${test.name}`} className={test.passed ? "test-passed" : "test-failed"} data-testid="test-result">
          <span className="test-mark" aria-hidden="true">
            {test.passed ? "✓" : "✗"}
          </span>
          <span className="test-name">
            {test.hidden && <span className="test-hidden">Hidden test: </span>}
            {test.name}
          </span>
          <span className="test-points">
            {test.points}/{test.maxPoints} {test.maxPoints === 1 ? "point" : "points"}
          </span>
          <span className="visually-hidden">{test.passed ? "passed" : "failed"}</span>
          {test.message && <p className="test-message">{test.message}</p>}
        </li>
      ))}
    </ul>
  );
}
