// The request side of an upload, shared by POST /api/reports and its preview: the multipart body read with the
// size limit, and bad input answered 400 with the one-line message the CLI prints.
import { MAX_REPORT_BYTES, ReportInputError } from "../pipeline";
import { uploadedFile, uploadFields, type UploadFields } from "./upload";

export type ParsedUpload = { bytes: Uint8Array; fields: UploadFields };

const FORM_OVERHEAD = 256 * 1024;

export async function parseUpload(request: Request): Promise<ParsedUpload | Response> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_REPORT_BYTES + FORM_OVERHEAD) {
    return Response.json({ error: `the upload is too large (a report may be at most ${MAX_REPORT_BYTES / 1024 / 1024} MB)` }, { status: 413 });
  }
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    return Response.json({ error: "send multipart/form-data with a \"file\" field" }, { status: 415 });
  }
  try {
    const form = await request.formData();
    const { bytes, fileName } = await uploadedFile(form);
    return { bytes, fields: uploadFields(form, fileName) };
  } catch (error) {
    if (error instanceof ReportInputError) return badInput(error);
    return Response.json({ error: "the form could not be read" }, { status: 400 });
  }
}

export function badInput(error: ReportInputError): Response {
  return Response.json({ error: error.message.split("\n")[0] }, { status: 400 });
}
