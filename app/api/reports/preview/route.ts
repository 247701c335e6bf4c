// POST /api/reports/preview (editors): what POST /api/reports would store, stored nowhere.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { previewUpload } from "@/lib/db/upload";
import { badInput, parseUpload } from "@/lib/db/upload-route";
import { ReportInputError } from "@/lib/pipeline";

export const POST = guarded("editor", async (request) => {
  const upload = await parseUpload(request);
  if (upload instanceof Response) return upload;
  try {
    return Response.json(await previewUpload(db(), upload.bytes, upload.fields), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ReportInputError) return badInput(error);
    throw error;
  }
});
