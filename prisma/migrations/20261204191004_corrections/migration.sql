-- CreateEnum
CREATE TYPE "FactStatus" AS ENUM ('machine', 'confirmed', 'corrected', 'added');

-- CreateEnum
CREATE TYPE "CorrectionAction" AS ENUM ('confirm', 'correct', 'reject', 'add');

-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "correctionId" INTEGER,
ADD COLUMN     "status" "FactStatus" NOT NULL DEFAULT 'machine';

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "reportSha" TEXT NOT NULL,
    "reportTitle" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "sentenceIndex" INTEGER NOT NULL,
    "figureStart" INTEGER NOT NULL,
    "figureEnd" INTEGER NOT NULL,
    "figureText" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" "CorrectionAction" NOT NULL,
    "metric" "Metric",
    "subject" TEXT,
    "value" DOUBLE PRECISION,
    "unit" TEXT,
    "approx" "Approximation",
    "scope" TEXT,
    "machine" JSONB,
    "reason" TEXT NOT NULL,
    "editorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMP(3),
    "revertedBy" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDeletion" (
    "id" SERIAL NOT NULL,
    "reportSha" TEXT NOT NULL,
    "reportTitle" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "editorEmail" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Correction_createdAt_idx" ON "Correction"("createdAt");

-- CreateIndex
CREATE INDEX "Correction_regionSlug_idx" ON "Correction"("regionSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Correction_reportSha_sentenceIndex_figureStart_figureEnd_re_key" ON "Correction"("reportSha", "sentenceIndex", "figureStart", "figureEnd", "revision");

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "Correction"("id") ON DELETE SET NULL ON UPDATE CASCADE;
