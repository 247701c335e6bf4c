// One log line per failed request (status 500 or more), and during an outage no stack traces: Next.js logs each
// error thrown while rendering with its stack (about 17 lines), which during a database outage buried the log.
// Each request runs in a context (AsyncLocalStorage) that keeps the first error logged while it is answered;
// database outages are kept there instead of being printed, and the request's line names them. Past a number of
// lines per window, lines are counted instead and summarized once per window.
import { AsyncLocalStorage } from "node:async_hooks";
import { classifyFailure, summarizeFailure } from "./errors";

export interface RequestContext {
  method: string;
  url: string;
  error?: unknown;
}

// One instance per process, shared by the server and the code Next.js bundles (lib/dashboard/responses.ts).
const KEY = Symbol.for("mobilization-atlas.request-context");
const globals = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
export const requestContext: AsyncLocalStorage<RequestContext> = (globals[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Keeps `error` as the reason of the current request's failure; false outside any request. */
export function noteRequestError(error: unknown): boolean {
  const context = requestContext.getStore();
  if (!context) return false;
  context.error ??= error;
  return true;
}

/** From now on, errors logged by Next.js while a request is answered are kept for its line; outages unprinted. */
export function captureRenderErrors(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const error = args.find((arg) => arg instanceof Error || (typeof arg === "object" && arg !== null && "digest" in arg));
    if (error && noteRequestError(error) && classifyFailure(error) === "outage") return;
    print(...args);
  };
}

export function createFailureLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`), { perWindow = 20, windowMs = 10_000 } = {}) {
  let windowStart = 0;
  let written = 0;
  const held = new Map<string, number>(); // reason → requests not logged this window
  let timer: NodeJS.Timeout | undefined;

  function summarize(): void {
    const count = [...held.values()].reduce((sum, n) => sum + n, 0);
    if (count) {
      const reasons = [...held].map(([reason, n]) => `${n}× ${reason}`).join(", ");
      write(`${new Date().toISOString()} … and ${count} more failed requests in ${windowMs / 1000} s: ${reasons}`);
    }
    held.clear();
  }

  return function logFailure(context: RequestContext, status: number): void {
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      summarize();
      windowStart = now;
      written = 0;
    }
    const kind = context.error === undefined ? "error" : classifyFailure(context.error);
    const reason = context.error === undefined ? "no error recorded" : `${kind === "outage" ? "database unavailable" : kind}: ${summarizeFailure(context.error)}`;
    if (written < perWindow) {
      written++;
      write(`${new Date(now).toISOString()} ${context.method} ${context.url} ${status} ${reason}`);
      return;
    }
    const key = kind === "outage" ? "database unavailable" : kind;
    held.set(key, (held.get(key) ?? 0) + 1);
    if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        summarize();
      }, windowStart + windowMs - now);
      timer.unref();
    }
  };
}
