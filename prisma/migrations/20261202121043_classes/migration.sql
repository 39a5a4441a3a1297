-- CreateTable
CREATE TABLE "Classroom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "term" TEXT NOT NULL DEFAULT '',
    "joinCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ClassMember" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("classId", "userId"),
    CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing work moves into one default class, owned by the existing instructors (README: "Classes").
-- A database with neither assignments nor instructors (a new install) gets no class.
INSERT INTO "Classroom" ("id", "name", "term", "joinCode")
SELECT 'default', 'Default class', '', NULL
WHERE EXISTS (SELECT 1 FROM "Assignment") OR EXISTS (SELECT 1 FROM "User" WHERE "role" = 'instructor');
INSERT INTO "ClassMember" ("classId", "userId", "role")
SELECT 'default', "id", 'instructor' FROM "User"
WHERE "role" = 'instructor' AND EXISTS (SELECT 1 FROM "Classroom" WHERE "id" = 'default');
-- Students with an account and graded work stay on the roster they were on. Anonymous learners are on none.
INSERT INTO "ClassMember" ("classId", "userId", "role")
SELECT 'default', u."id", 'student' FROM "User" u
WHERE u."role" <> 'instructor'
  AND EXISTS (SELECT 1 FROM "Classroom" WHERE "id" = 'default')
  AND EXISTS (SELECT 1 FROM "Learner" l JOIN "Submission" s ON s."learnerId" = l."id" WHERE l."userId" = u."id");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "latePolicy" TEXT NOT NULL,
    "latePenaltyPercent" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("classId", "createdAt", "dueAt", "id", "latePenaltyPercent", "latePolicy", "opensAt", "title", "updatedAt") SELECT 'default', "createdAt", "dueAt", "id", "latePenaltyPercent", "latePolicy", "opensAt", "title", "updatedAt" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_idx" ON "Assignment"("classId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Classroom_joinCode_key" ON "Classroom"("joinCode");

-- CreateIndex
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");
