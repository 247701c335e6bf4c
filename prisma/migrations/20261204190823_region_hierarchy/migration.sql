-- AlterEnum
BEGIN;
CREATE TYPE "RegionLevel_new" AS ENUM ('province', 'prefecture_city', 'prefecture', 'county_city', 'county', 'banner', 'district', 'township');
ALTER TABLE "Region" ALTER COLUMN "level" TYPE "RegionLevel_new" USING ((CASE "level"::text
  WHEN 'city' THEN 'prefecture_city'
  WHEN 'county' THEN CASE
    WHEN "name" ~ '(镇|乡|街道|苏木)$' THEN 'township'
    WHEN "name" ~ '旗$' THEN 'banner'
    WHEN "name" ~ '区$' THEN 'district'
    WHEN "name" ~ '市$' THEN 'county_city'
    ELSE 'county' END
  ELSE "level"::text END)::"RegionLevel_new");
ALTER TYPE "RegionLevel" RENAME TO "RegionLevel_old";
ALTER TYPE "RegionLevel_new" RENAME TO "RegionLevel";
DROP TYPE "RegionLevel_old";
COMMIT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "code" TEXT,
ADD COLUMN     "parentId" INTEGER,
ADD COLUMN     "shortName" TEXT NOT NULL DEFAULT '';

UPDATE "Region" SET "shortName" = regexp_replace("name", '(特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|旗|州|盟)$', '');

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE INDEX "Region_province_level_idx" ON "Region"("province", "level");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;
