// The web server process of `npm start` (scripts/start.ts starts and supervises it, with DATABASE_URL set): Next.js
// behind lib/server/handler.ts. It stops on SIGINT or SIGTERM, and by itself when its supervisor goes away (the
// IPC channel closes), so that a `kill -9` of `npm start` never leaves a server holding the port.
// `kill -USR2 <pid>` prints its memory and page-cache figures.
import { createServer } from "node:http";
import next from "next";
import { projectRoot } from "../db/paths";
import { dataVersion } from "../queries/cache";
import { createHandler } from "./handler";
import { captureRenderErrors } from "./request-log";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const budgetMb = Number(process.env.PAGE_CACHE_MB ?? 64);
process.env.NEXT_TELEMETRY_DISABLED = "1";

captureRenderErrors();
const app = next({ dev, dir: projectRoot, port, hostname: "localhost" });
const render = app.getRequestHandler();
await app.prepare();
const handler = createHandler({
  render: (request, response) => render(request, response),
  dataVersion,
  cacheBudgetBytes: dev ? 0 : budgetMb * 1024 * 1024, // next dev: pages change with the code, never keep them
  concurrentRenders: Number(process.env.PAGE_RENDERS || 4),
  trustProxy: process.env.TRUST_PROXY === "1",
  publicUrl: process.env.PUBLIC_URL || undefined,
});
const server = createServer(handler);
server.keepAliveTimeout = 5_000;

function stop(code: number): void {
  server.close(() => process.exit(code));
  server.closeAllConnections();
  setTimeout(() => process.exit(code), 5_000).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
process.on("disconnect", () => stop(0)); // the supervisor is gone
process.on("SIGUSR2", () => {
  const memory = process.memoryUsage();
  const cache = handler.cacheStats();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`stats: rss ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)} MB, page cache ${cache.entries} pages ${mb(cache.bytes)} of ${mb(cache.budget)} MB, ${cache.hits} hits ${cache.misses} misses`);
});

server.once("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `port ${port} is already in use; set PORT to a free port` : `cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`Mobilization Atlas is running at http://localhost:${port}`));
