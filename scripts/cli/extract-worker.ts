// The worker thread in which `atlas ingest` extracts reports (scripts/cli/extraction-pool.ts): pure extraction, one
// report at a time, no database. A report that crashes the worker or exhausts its memory takes only the worker down.
import { parentPort } from "node:worker_threads";
import { extractForIngest, type IngestOptions } from "../../lib/db/ingest-extract";
import type { ReportExtraction } from "../../lib/pipeline";

export interface ExtractJob {
  bytes: Uint8Array;
  options: IngestOptions;
}

export type ExtractReply =
  | { ok: true; extraction: ReportExtraction }
  | { ok: false; name: string; message: string };

parentPort!.on("message", (job: ExtractJob | "close") => {
  if (job === "close") return void parentPort!.close();
  let reply: ExtractReply;
  try {
    reply = { ok: true, extraction: extractForIngest(job.bytes, job.options) };
  } catch (error) {
    const { name = "Error", message = String(error) } = (error ?? {}) as { name?: string; message?: string };
    reply = { ok: false, name, message };
  }
  parentPort!.postMessage(reply);
});
