// POST /api/maintenance/reextract (admins): re-extract every report with the current extractor, keeping corrections.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { reextractAll } from "@/lib/db/maintenance";
import { dataChanged } from "@/lib/queries/cache";

export const POST = guarded("admin", async () => {
  const outcomes = await reextractAll(db());
  dataChanged();
  return Response.json({ reports: outcomes.length, facts: outcomes.reduce((sum, outcome) => sum + outcome.facts, 0) });
});
