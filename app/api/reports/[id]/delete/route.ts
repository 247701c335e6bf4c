// POST /api/reports/<id>/delete (admins), JSON {reason}: deletes the report; the history keeps a record.
import { guarded } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { deleteReport, MaintenanceInputError } from "@/lib/db/maintenance";
import { dataChanged } from "@/lib/queries/cache";

export const POST = guarded("admin", async (request, editor, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!/^[1-9]\d{0,9}$/.test(id)) return Response.json({ error: "not found" }, { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { reason?: unknown };
  try {
    const { regionSlug } = await deleteReport(db(), Number(id), editor.email, typeof body.reason === "string" ? body.reason : "");
    dataChanged();
    return Response.json({ deleted: Number(id), regionSlug });
  } catch (error) {
    if (error instanceof MaintenanceInputError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
});
