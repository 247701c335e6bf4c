// `npm run bench:load`: autocannon against the app on loopback (as `npm start` serves it): 32 connections for
// 20 s on each path; prints requests/s, p50/p99 latency and errors, and each page's throughput relative to a
// static page (public/static-check.html) served by the same server.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildApp, buildIsCurrent } from "../lib/build";
import { freePort, startApp } from "../lib/bench/app-process";
import { removeEmbeddedData } from "../lib/db/server";

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface LoadResult { path: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string): Promise<LoadResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    path: new URL(url).pathname + new URL(url).search,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-load-"));
if (!buildIsCurrent(process.cwd())) buildApp(process.cwd());
const app = await startApp({ PORT: String(freePort()), ATLAS_DATA_DIR: path.join(tmp, "postgres"), EMBEDDED_PG_PORT: String(freePort()) });
try {
  const { regions } = (await (await fetch(`${app.baseUrl}/api/regions`)).json()) as { regions: { slug: string }[] };
  const [a, b] = regions;
  const paths = ["/static-check.html", "/", `/regions/${a.slug}`, `/compare?a=${a.slug}&b=${b.slug}`, `/api/regions/${a.slug}/facts`];
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per path, loopback`);
  console.log("path".padEnd(40), "req/s".padStart(8), "p50 ms".padStart(7), "p99 ms".padStart(7), "errors".padStart(7), "non-2xx".padStart(8), "vs static".padStart(10));
  let staticRps = 0;
  let failures = 0;
  for (const pagePath of paths) {
    const result = await load(app.baseUrl + pagePath);
    if (pagePath === "/static-check.html") staticRps = result.rps;
    failures += result.errors + result.non2xx;
    console.log(
      result.path.padEnd(40), result.rps.toFixed(0).padStart(8), String(result.p50).padStart(7), String(result.p99).padStart(7),
      String(result.errors).padStart(7), String(result.non2xx).padStart(8), `${((result.rps / staticRps) * 100).toFixed(0)}%`.padStart(10),
    );
  }
  console.log(`\nerrors and non-2xx responses in all: ${failures} (target 0)`);
} finally {
  await app.stop();
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
}
