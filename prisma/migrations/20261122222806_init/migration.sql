-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('county', 'city', 'prefecture', 'province');

-- CreateEnum
CREATE TYPE "Metric" AS ENUM ('branches', 'teams', 'volunteers', 'funds', 'checkpoints', 'supplies', 'grids', 'other');

-- CreateEnum
CREATE TYPE "Approximation" AS ENUM ('exact', 'at_least', 'nearly', 'about');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "publishedAt" DATE,
    "authors" TEXT[],
    "sourceFile" TEXT,
    "encoding" TEXT NOT NULL,
    "rawText" TEXT NOT NULL,
    "cleanText" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "extractorVersion" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sentence" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "original" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "rawStart" INTEGER NOT NULL,
    "rawEnd" INTEGER NOT NULL,

    CONSTRAINT "Sentence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Repair" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Repair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "sentenceId" INTEGER NOT NULL,
    "metric" "Metric" NOT NULL,
    "subject" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "approx" "Approximation" NOT NULL,
    "scope" TEXT,
    "restates" BOOLEAN NOT NULL DEFAULT false,
    "figure" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Headline" (
    "regionId" INTEGER NOT NULL,
    "metric" "Metric" NOT NULL,
    "factId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Headline_pkey" PRIMARY KEY ("regionId","metric")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE INDEX "Region_name_idx" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Report_sha256_key" ON "Report"("sha256");

-- CreateIndex
CREATE INDEX "Report_regionId_publishedAt_idx" ON "Report"("regionId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Sentence_reportId_index_key" ON "Sentence"("reportId", "index");

-- CreateIndex
CREATE INDEX "Repair_reportId_idx" ON "Repair"("reportId");

-- CreateIndex
CREATE INDEX "Fact_regionId_metric_idx" ON "Fact"("regionId", "metric");

-- CreateIndex
CREATE INDEX "Fact_reportId_idx" ON "Fact"("reportId");

-- CreateIndex
CREATE INDEX "Fact_sentenceId_idx" ON "Fact"("sentenceId");

-- CreateIndex
CREATE UNIQUE INDEX "Headline_factId_key" ON "Headline"("factId");

-- CreateIndex
CREATE INDEX "Headline_metric_value_idx" ON "Headline"("metric", "value" DESC);

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sentence" ADD CONSTRAINT "Sentence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Headline" ADD CONSTRAINT "Headline_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Headline" ADD CONSTRAINT "Headline_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
