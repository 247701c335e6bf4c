-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "PeriodBasis" AS ENUM ('published', 'inferred');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "datePrecision" "DatePrecision",
ADD COLUMN     "period" TEXT,
ADD COLUMN     "periodBasis" "PeriodBasis",
ADD COLUMN     "sourceUrl" TEXT,
ALTER COLUMN "title" DROP NOT NULL;

-- Stored reports keep their data: a stored publication date was read to the day, and gives the period.
UPDATE "Report" SET "datePrecision" = 'day',
  "period" = to_char("publishedAt", 'YYYY') || '-Q' || extract(quarter FROM "publishedAt")::int,
  "periodBasis" = 'published'
WHERE "publishedAt" IS NOT NULL;
