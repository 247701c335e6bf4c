-- Codebook kinds (issue 10): facts gain a kind, a typed scope, the total they are part of and the fact they
-- restate, headlines gain the kind. Existing rows keep their data: a sub-region scope becomes scopeType
-- subregion, a restatement points at the earliest same figure of its report, and kinds take each familys
-- catch-all kind (or an obvious one from the subject) until `npm start` re-extracts reports of an older extractor
-- version (lib/db/reextract.ts). Pioneer posts (先锋岗) move to the new posts family at that re-extraction: a value
-- added to an enum cannot be used in the transaction that adds it.

-- AlterEnum
ALTER TYPE "Metric" ADD VALUE 'posts';

-- AlterTable
ALTER TABLE "Fact" ADD COLUMN "kind" TEXT,
ADD COLUMN     "partOfId" INTEGER,
ADD COLUMN     "restatesId" INTEGER,
ADD COLUMN     "scopeName" TEXT,
ADD COLUMN     "scopeType" TEXT NOT NULL DEFAULT 'region';

UPDATE "Fact" SET "scopeType" = 'subregion', "scopeName" = "scope" WHERE "scope" IS NOT NULL;

UPDATE "Fact" f SET "restatesId" = (
  SELECT min(e."id") FROM "Fact" e
  WHERE e."reportId" = f."reportId" AND e."metric" = f."metric" AND e."value" = f."value" AND e."id" < f."id"
) WHERE f."restates";

UPDATE "Fact" SET "kind" = CASE
  WHEN "metric" = 'branches' AND ("subject" LIKE '%临时%' OR "subject" LIKE '%火线%') THEN 'temporary'
  WHEN "metric" = 'branches' AND "subject" LIKE '%村%' THEN 'village'
  WHEN "metric" = 'branches' THEN 'grassroots'
  WHEN "metric" = 'volunteers' AND "subject" LIKE '%志愿%' THEN 'volunteers'
  WHEN "metric" = 'volunteers' AND ("subject" LIKE '%党员%' OR "subject" LIKE '%干部%') THEN 'cadres'
  WHEN "metric" = 'volunteers' THEN 'others'
  WHEN "metric" = 'funds' AND "subject" LIKE '%党费%' THEN 'dues'
  WHEN "metric" = 'funds' AND "subject" LIKE '%捐%' THEN 'donations'
  WHEN "metric" = 'funds' THEN 'others'
  WHEN "metric" = 'checkpoints' AND ("subject" LIKE '%采样%' OR "subject" LIKE '%采集%' OR "subject" LIKE '%检测点%') THEN 'testing'
  WHEN "metric" = 'checkpoints' THEN 'checkpoints'
  WHEN "metric" = 'teams' THEN 'others'
  WHEN "metric" = 'grids' THEN 'cells'
  WHEN "metric" = 'supplies' THEN 'living'
  ELSE 'other' END;

ALTER TABLE "Fact" ALTER COLUMN "kind" SET NOT NULL,
DROP COLUMN "restates",
DROP COLUMN "scope";

-- AlterTable
ALTER TABLE "Headline" ADD COLUMN "kind" TEXT;
UPDATE "Headline" h SET "kind" = f."kind" FROM "Fact" f WHERE f."id" = h."factId";
ALTER TABLE "Headline" ALTER COLUMN "kind" SET NOT NULL;
