"use client";

import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { fetchJson } from "@/lib/api/fetch-json";

type Progress = {
  completedLessons: string[];
  exercises: Record<string, { bestScore: number; maxScore: number; passed: boolean }>;
  /** Exercise ids per lesson href. */
  lessons: Record<string, string[]>;
};

const ProgressContext = createContext<Progress | undefined>(undefined);

/**
 * The learner's progress, fetched once the static course page is on screen
 * (the page itself stays the same for everyone and is served from cache).
 */
export function CourseProgressProvider({ children }: { children: ReactNode }) {
  const [progress, setProgress] = useState<Progress>();
  useEffect(() => {
    fetchJson<Progress>("/api/progress", { cache: "no-store" })
      .then(setProgress)
      .catch(() => undefined); // progress is extra: the course page works without it
  }, []);
  return <ProgressContext value={progress}>{children}</ProgressContext>;
}

/** "Complete" or "1 of 2 exercises passed" for one lesson. */
export function LessonProgress({ href }: { href: string }) {
  const progress = use(ProgressContext);
  const exerciseIds = progress?.lessons[href];
  if (!progress || !exerciseIds?.length) return null;
  const complete = progress.completedLessons.includes(href);
  const passed = exerciseIds.filter((id) => progress.exercises[id]?.passed).length;
  return (
    <span className="lesson-progress" data-complete={complete} data-testid="lesson-progress">
      {" · "}
      {complete ? "Complete" : `${passed} of ${exerciseIds.length} graded ${exerciseIds.length === 1 ? "exercise" : "exercises"} passed`}
    </span>
  );
}

/** "1 of 3 lessons complete" for a module. */
export function ModuleProgress({ hrefs }: { hrefs: string[] }) {
  const progress = use(ProgressContext);
  if (!progress) return null;
  const graded = hrefs.filter((href) => progress.lessons[href]?.length);
  if (graded.length === 0) return null;
  const complete = graded.filter((href) => progress.completedLessons.includes(href)).length;
  return (
    <p className="lesson-progress" data-complete={complete === graded.length} data-testid="module-progress">
      {complete} of {graded.length} {graded.length === 1 ? "lesson" : "lessons"} complete
    </p>
  );
}
