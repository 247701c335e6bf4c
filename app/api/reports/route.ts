// POST /api/reports (editors): multipart `file`, optional `region`, `title`, `date`, `url` → 201 {id, regionSlug},
// 409 when the same bytes are stored already, 400 for bad input (nothing stored), 401/403 without an editor.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { dataChanged } from "@/lib/queries/cache";
import { saveUpload } from "@/lib/db/upload";
import { badInput, parseUpload } from "@/lib/db/upload-route";
import { ReportInputError } from "@/lib/pipeline";

export const POST = guarded("editor", async (request) => {
  const upload = await parseUpload(request);
  if (upload instanceof Response) return upload;
  try {
    const outcome = await saveUpload(db(), upload.bytes, upload.fields);
    dataChanged();
    if (outcome.status === "unchanged") {
      return Response.json({ error: `already stored as report ${outcome.reportId}`, id: outcome.reportId, regionSlug: outcome.regionSlug, duplicate: true }, { status: 409 });
    }
    return Response.json({ id: outcome.reportId, regionSlug: outcome.regionSlug, facts: outcome.facts }, { status: 201, headers: { Location: `/reports/${outcome.reportId}` } });
  } catch (error) {
    if (error instanceof ReportInputError) return badInput(error);
    throw error;
  }
});
