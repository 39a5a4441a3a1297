import "server-only";

/**
 * Learners who count in class reports: anonymous learners and students.
 * Instructors trying their own exercises stay out of rosters and statistics.
 */
export const STUDENT_LEARNERS = { OR: [{ userId: null }, { user: { role: { not: "instructor" } } }] };
