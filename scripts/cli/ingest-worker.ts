// The worker thread in which `atlas ingest` ingests each file (scripts/cli/commands/ingest.ts): one file at a time,
// extraction and its one storing transaction. A file that crashes the worker or exhausts its memory takes only the
// worker down; its transaction, if one was open, is rolled back with the worker's connection.
import { parentPort, workerData } from "node:worker_threads";
import { createDatabaseClient } from "../../lib/db/client";
import { ingestReport, type IngestOptions } from "../../lib/db/ingest";
import { readReportFile } from "../../lib/pipeline";

export interface IngestJob {
  file: string;
  options: IngestOptions;
}

export type IngestReply =
  | { ok: true; outcome: Awaited<ReturnType<typeof ingestReport>> }
  | { ok: false; name: string; message: string; code?: string };

const database = createDatabaseClient((workerData as { url: string }).url);

parentPort!.on("message", async (job: IngestJob | "close") => {
  if (job === "close") {
    await database.$disconnect();
    parentPort!.close();
    return;
  }
  let reply: IngestReply;
  try {
    reply = { ok: true, outcome: await ingestReport(database, readReportFile(job.file), job.options) };
  } catch (error) {
    const { name = "Error", message = String(error), code } = (error ?? {}) as { name?: string; message?: string; code?: string };
    reply = { ok: false, name, message, code: typeof code === "string" ? code : undefined };
  }
  parentPort!.postMessage(reply);
});
