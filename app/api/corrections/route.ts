// POST /api/corrections (editors): one change to one figure, JSON {reportId, sentenceIndex, start, end, action,
// values?, reason, baseRevision} → 201 {id, revision}; 409 when the figure changed since baseRevision; 400 bad input.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { dataChanged } from "@/lib/queries/cache";
import { CorrectionConflictError, CorrectionInputError, parseCorrection, saveCorrection } from "@/lib/db/corrections";

export const POST = guarded("editor", async (request, editor) => {
  try {
    const input = parseCorrection(await request.json().catch(() => {
      throw new CorrectionInputError("send a JSON body");
    }));
    const saved = await saveCorrection(db(), input, editor.email);
    dataChanged();
    return Response.json(saved, { status: 201 });
  } catch (error) {
    if (error instanceof CorrectionConflictError) return Response.json({ error: error.message, currentRevision: error.currentRevision }, { status: 409 });
    if (error instanceof CorrectionInputError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
});
