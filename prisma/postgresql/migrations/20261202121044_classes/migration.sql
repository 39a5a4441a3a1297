-- CreateTable
CREATE TABLE "Classroom" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "term" TEXT NOT NULL DEFAULT '',
    "joinCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Classroom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassMember" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassMember_pkey" PRIMARY KEY ("classId","userId")
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

-- AlterTable: existing assignments belong to the default class.
ALTER TABLE "Assignment" ADD COLUMN "classId" TEXT;
UPDATE "Assignment" SET "classId" = 'default';
ALTER TABLE "Assignment" ALTER COLUMN "classId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Classroom_joinCode_key" ON "Classroom"("joinCode");

-- CreateIndex
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");

-- CreateIndex
CREATE INDEX "Assignment_classId_idx" ON "Assignment"("classId");

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
