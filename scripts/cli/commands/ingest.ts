// atlas ingest <files…> [--region 名称] [--title …] [--date …] [--url …] [--replace]: extract each report and store it, one transaction per report.
// Each file is ingested in a worker thread with a memory limit and a time limit (scripts/cli/ingest-worker.ts): a
// file that crashes the worker, exhausts its memory or runs too long is reported as failed, the worker is
// replaced, and the batch goes on.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { withDatabase } from "../../../lib/db/server";
import { describeFailure, EXIT, firstLine, metadataOptions, parseArgs, UsageError, type Command } from "../command";
import type { IngestJob, IngestReply } from "../ingest-worker";

const MEMORY_MB = Number(process.env.ATLAS_INGEST_MEMORY_MB || 1024);
const TIMEOUT_MS = Number(process.env.ATLAS_INGEST_TIMEOUT_S || 300) * 1000;

const command: Command = {
  help: `usage: atlas ingest <files…> [--region 名称] [--title 标题] [--date 2020-02-16] [--url https://…] [--replace]

Extracts each report and stores it with its sentences, repairs and facts, one transaction per report; prints one
line per file: created | unchanged | replaced, its report id, region and number of facts, or "failed NAME: reason"
on stderr. A report whose SHA-256 is already stored is unchanged. Each file is ingested in a worker of its own
kind: one file's failure, even a crash or running out of memory (ATLAS_INGEST_MEMORY_MB, default 1024) or time
(ATLAS_INGEST_TIMEOUT_S, default 300), never loses the others.

options:
  --region 名称   the reports' region, when their text does not name it
  --title 标题    the headline, when the text has none or the detected one is wrong
  --date DATE     the publication date: 2020-02-16 (day), 2020-02 (month) or 2020 (year); it sets the period
  --url URL       where the report was published (http or https); the report page links to it
  --replace       re-extract reports that are already stored, with the current extractor
A report already stored is unchanged whatever the options say; --replace stores it again with them.

exit codes: 0 every file stored or unchanged; 1 a failure (the database unavailable, a crash, an internal
error); 2 some file was bad input (missing, empty, binary, too large, not Chinese), or an option was`,

  async run(args) {
    const { positionals: files, values, flags } = parseArgs(args, { values: ["region", "title", "date", "url"], flags: ["replace"] });
    if (files.length === 0) throw new UsageError("give one or more report files");
    const metadata = metadataOptions(values);
    let exitCode: number = EXIT.ok;
    await withDatabase(async (url) => {
      const worker = new IsolatedWorker(url);
      try {
        for (const file of files) {
          const name = path.basename(file);
          const reply = await worker.run({ file, options: { region: values.region, fileName: name, replace: flags.has("replace"), ...metadata } });
          if (reply.ok) {
            const { outcome } = reply;
            console.log(`${outcome.status} ${name}: report ${outcome.reportId}, region ${outcome.regionSlug}, ${outcome.facts} facts`);
            continue;
          }
          const badInput = reply.name === "ReportInputError";
          exitCode = badInput ? EXIT.badInput : exitCode === EXIT.badInput ? exitCode : EXIT.failure;
          console.error(`failed ${name}: ${badInput ? firstLine(reply.message) : describe(reply)}`);
        }
      } finally {
        await worker.close();
      }
    });
    return exitCode;
  },
};

function describe(reply: Extract<IngestReply, { ok: false }>): string {
  if (reply.name === "WorkerCrash" || reply.name === "WorkerTimeout") return reply.message;
  const failure = describeFailure(Object.assign(new Error(reply.message), { code: reply.code }), firstLine(reply.message));
  return failure.startsWith("database unavailable") ? `${failure}; nothing was stored` : failure;
}

/** One worker at a time, started when needed and replaced after it dies. */
class IsolatedWorker {
  private worker: Worker | undefined;

  constructor(private readonly url: string) {}

  private start(): Worker {
    // From the build the worker is the bundle's ingest-worker.mjs, beside this chunk; run from source (tsx), it
    // is TypeScript, and tsx's hooks must be registered in the worker too (they are per thread).
    const source = import.meta.url.endsWith(".ts");
    const script = source ? new URL("../ingest-worker.ts", import.meta.url) : new URL("./ingest-worker.mjs", import.meta.url);
    const loader = `import("tsx/esm/api").then(({ register }) => register()).then(() => import(${JSON.stringify(script.href)}))`;
    return new Worker(source ? loader : script, {
      eval: source,
      workerData: { url: this.url },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
      stdout: false,
      stderr: false,
    });
  }

  run(job: IngestJob): Promise<IngestReply> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve) => {
      const finish = (reply: IngestReply, dead: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (dead) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(reply);
      };
      const onMessage = (reply: IngestReply) => finish(reply, false);
      const onError = (error: Error & { code?: string }) =>
        finish({ ok: false, name: "WorkerCrash", message: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `ran out of memory (the limit is ${MEMORY_MB} MB); nothing was stored` : `the extractor crashed (${error.message.split("\n")[0]}); nothing was stored` }, true);
      const onExit = (code: number) => finish({ ok: false, name: "WorkerCrash", message: `the extractor exited with code ${code}; nothing was stored` }, true);
      const timer = setTimeout(() => finish({ ok: false, name: "WorkerTimeout", message: `took longer than ${TIMEOUT_MS / 1000} s and was stopped; nothing was stored` }, true), TIMEOUT_MS);
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      worker.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage("close");
    });
  }
}

export default command;
