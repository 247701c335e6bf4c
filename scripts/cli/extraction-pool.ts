// Extraction in worker threads, for `atlas ingest` and bench:scale: the storing (lib/db/ingest.ts) stays on the main
// thread while workers extract the next reports, so the two overlap on separate cores. Each worker runs with a
// memory limit, and each report with a time limit: a report that crashes its worker, exhausts its memory or runs
// too long fails alone, with one clear line; the worker is replaced and the batch goes on.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { IngestOptions } from "../../lib/db/ingest-extract";
import { ReportInputError, type ReportExtraction } from "../../lib/pipeline";
import type { ExtractJob, ExtractReply } from "./extract-worker";

export const MEMORY_MB = Number(process.env.ATLAS_INGEST_MEMORY_MB || 1024);
export const TIMEOUT_MS = Number(process.env.ATLAS_INGEST_TIMEOUT_S || 300) * 1000;

/** A failure of the worker rather than of the report's text: a crash, no memory left, or no time left. */
export class WorkerFailure extends Error {
  constructor(name: "WorkerCrash" | "WorkerTimeout", message: string) {
    super(message);
    this.name = name;
  }
}

/** One core is left to the main thread and PostgreSQL (ATLAS_INGEST_WORKERS overrides). */
export function defaultWorkerCount(): number {
  return Number(process.env.ATLAS_INGEST_WORKERS) || Math.max(1, os.availableParallelism() - 1);
}

function startWorker(): Worker {
  // From the build the worker is the bundle extract-worker.cjs, beside this one; run from source (tsx), it is
  // TypeScript, and tsx's hooks must be registered in the worker too (they are per thread).
  const source = import.meta.url.endsWith(".ts");
  const script = source ? new URL("./extract-worker.ts", import.meta.url) : new URL("./extract-worker.cjs", import.meta.url);
  const loader = `import("tsx/esm/api").then(({ register }) => register()).then(() => import(${JSON.stringify(script.href)}))`;
  return new Worker(source ? loader : script, { eval: source, resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB }, stdout: false, stderr: false });
}

export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private started = 0;
  private closed = false;

  constructor(private readonly size = defaultWorkerCount()) {}

  /** Extracts one report in a worker; rejects with ReportInputError for bad input, WorkerFailure for a dead worker. */
  readonly extract = async (bytes: Uint8Array, options: IngestOptions): Promise<ReportExtraction> => {
    const worker = await this.acquire();
    let dead = false;
    try {
      const reply = await new Promise<ExtractReply>((resolve) => {
        const finish = (value: ExtractReply, died: boolean) => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          dead = died;
          resolve(value);
        };
        const onMessage = (value: ExtractReply) => finish(value, false);
        const onError = (error: Error & { code?: string }) => finish({ ok: false, name: "WorkerCrash", message: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `ran out of memory (the limit is ${MEMORY_MB} MB); nothing was stored` : `the extractor crashed (${error.message.split("\n")[0]}); nothing was stored` }, true);
        const onExit = (code: number) => finish({ ok: false, name: "WorkerCrash", message: `the extractor exited with code ${code}; nothing was stored` }, true);
        const timer = setTimeout(() => finish({ ok: false, name: "WorkerTimeout", message: `took longer than ${TIMEOUT_MS / 1000} s and was stopped; nothing was stored` }, true), TIMEOUT_MS);
        worker.on("message", onMessage);
        worker.once("error", onError);
        worker.once("exit", onExit);
        worker.postMessage({ bytes, options } satisfies ExtractJob);
      });
      if (reply.ok) return reply.extraction;
      if (reply.name === "ReportInputError") throw new ReportInputError(reply.message);
      if (reply.name === "WorkerCrash" || reply.name === "WorkerTimeout") throw new WorkerFailure(reply.name, reply.message);
      throw Object.assign(new Error(reply.message), { name: reply.name });
    } finally {
      this.release(worker, dead);
    }
  };

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.started < this.size) {
      this.started++;
      return Promise.resolve(startWorker());
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker, dead: boolean) {
    if (dead) {
      void worker.terminate();
      this.started--;
      const next = this.waiting.shift();
      if (next) (this.started++, next(startWorker()));
      return;
    }
    const next = this.waiting.shift();
    if (next) next(worker);
    else if (this.closed) void this.stop(worker);
    else this.idle.push(worker);
  }

  private stop(worker: Worker): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      worker.once("exit", () => (clearTimeout(timer), resolve()));
      worker.postMessage("close");
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((worker) => this.stop(worker)));
  }
}
