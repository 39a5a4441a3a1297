-- CreateTable
CREATE TABLE "ServedModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "modelJson" TEXT NOT NULL,
    "weights" BLOB NOT NULL,
    "bytes" INTEGER NOT NULL,
    "parameters" INTEGER NOT NULL,
    "inputShape" TEXT NOT NULL,
    "outputShape" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServedModel_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ModelApiKey_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ServedModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ServedModel_learnerId_name_key" ON "ServedModel"("learnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ModelApiKey_hash_key" ON "ModelApiKey"("hash");

-- CreateIndex
CREATE INDEX "ModelApiKey_modelId_idx" ON "ModelApiKey"("modelId");
