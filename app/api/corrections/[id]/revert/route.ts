// POST /api/corrections/<id>/revert (admins): undo one change; the history keeps it, marked reverted.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { dataChanged } from "@/lib/queries/cache";
import { CorrectionInputError, revertCorrection } from "@/lib/db/corrections";

export const POST = guarded("admin", async (_request, editor, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!/^[1-9]\d{0,9}$/.test(id)) return Response.json({ error: "not found" }, { status: 404 });
  try {
    await revertCorrection(db(), Number(id), editor.email);
    dataChanged();
    return Response.json({ reverted: Number(id) });
  } catch (error) {
    if (error instanceof CorrectionInputError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
});
