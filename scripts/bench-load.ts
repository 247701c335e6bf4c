// `npm run bench:load`: autocannon against the app on loopback (as `npm start` serves it, requests as a browser
// sends them: Accept-Encoding gzip, deflate, br).
//  1. 32 connections for 20 s on each path: requests/s, p50/p99 latency, errors, and each page's throughput
//     relative to a static page (public/static-check.html) served by the same server.
//  2. Distinct query strings against the page of a large report (one stored for the purpose, about 1 MB of text):
//     unknown parameters, then a parameter the page reads; the web server's memory and page cache are printed
//     before and after, and the cache must stay within its budget (PAGE_CACHE_MB, default 64).
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildApp, buildIsCurrent } from "../lib/build";
import { freePort, startApp, type AppProcess } from "../lib/bench/app-process";
import { removeEmbeddedData } from "../lib/db/server";

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BUDGET_MB = Number(process.env.PAGE_CACHE_MB ?? 64);
const HEADERS = { "accept-encoding": "gzip, deflate, br" };

interface LoadResult { path: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string, distinct?: (index: number) => string): Promise<LoadResult> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: HEADERS,
    ...(distinct ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: distinct(counter++) }) }] } : {}),
  });
  return {
    path: new URL(url).pathname + new URL(url).search,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The web server's figures (lib/server/main.ts prints them on SIGUSR2). */
async function serverStats(app: AppProcess): Promise<{ rssMb: number; heapMb: number; cacheMb: number; entries: number; line: string }> {
  const web = readFileSync(`/proc/${app.child.pid}/task/${app.child.pid}/children`, "utf8").trim().split(/\s+/).map(Number)
    .find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("lib/server/main.ts"))!;
  const before = app.output().length;
  process.kill(web, "SIGUSR2");
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = app.output().slice(before).match(/^stats: .*$/m)?.[0];
    if (line) {
      const number = (pattern: RegExp) => Number(line.match(pattern)![1]);
      return { rssMb: number(/rss ([\d.]+) MB/), heapMb: number(/heap ([\d.]+) MB/), cacheMb: number(/pages ([\d.]+) of/), entries: number(/cache (\d+) pages/), line };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the web server printed no stats");
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-load-"));
if (!buildIsCurrent(process.cwd(), process.env.NEXT_DIST_DIR)) buildApp(process.cwd());
const pgPort = freePort();
const app = await startApp({ PORT: String(freePort()), ATLAS_DATA_DIR: path.join(tmp, "postgres"), EMBEDDED_PG_PORT: String(pgPort), PAGE_CACHE_MB: String(BUDGET_MB) });
try {
  const { regions } = (await (await fetch(`${app.baseUrl}/api/regions`)).json()) as { regions: { slug: string }[] };
  const [a, b] = regions;
  const paths = ["/static-check.html", "/", `/regions/${a.slug}`, `/compare?a=${a.slug}&b=${b.slug}`, `/api/regions/${a.slug}/facts`];
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per path, loopback, Accept-Encoding: ${HEADERS["accept-encoding"]}`);
  console.log("path".padEnd(40), "req/s".padStart(8), "p50 ms".padStart(7), "p99 ms".padStart(7), "errors".padStart(7), "non-2xx".padStart(8), "vs static".padStart(10));
  let staticRps = 0;
  let failures = 0;
  const row = (result: LoadResult) =>
    console.log(
      result.path.padEnd(40), result.rps.toFixed(0).padStart(8), String(result.p50).padStart(7), String(result.p99).padStart(7),
      String(result.errors).padStart(7), String(result.non2xx).padStart(8), staticRps ? `${((result.rps / staticRps) * 100).toFixed(0)}%`.padStart(10) : "",
    );
  for (const pagePath of paths) {
    const result = await load(app.baseUrl + pagePath);
    if (pagePath === "/static-check.html") staticRps = result.rps;
    failures += result.errors + result.non2xx;
    row(result);
  }
  console.log(`\nerrors and non-2xx responses in all: ${failures} (target 0)`);

  // A large report: the longest seed report's sentences repeated to about 1 MB, ingested with the command line.
  const report = path.join(tmp, "large-report.txt");
  const seed = readFileSync("prisma/reports/linfen.txt", "utf8");
  writeFileSync(report, seed.repeat(Math.ceil(1_000_000 / Buffer.byteLength(seed))));
  const { execFileSync } = await import("node:child_process");
  const ingested = execFileSync("bin/atlas", ["ingest", report, "--region", "大报告市"], { env: { ...process.env, DATABASE_URL: `postgresql://postgres:atlas@127.0.0.1:${pgPort}/atlas` }, encoding: "utf8" });
  const reportId = Number(ingested.match(/report (\d+)/)![1]);
  const page = `/reports/${reportId}`;
  const first = await fetch(app.baseUrl + page, { headers: HEADERS });
  const pageBytes = (await first.arrayBuffer()).byteLength;
  console.log(`\nlarge report ${reportId}: ${(Buffer.byteLength(readFileSync(report)) / 1024).toFixed(0)} KB of text; its page ${(pageBytes / 1024).toFixed(0)} KB decompressed (status ${first.status})`);
  const before = await serverStats(app);
  console.log(`before: ${before.line}`);
  const unknown = await load(app.baseUrl + page, (index) => `${page}?utm_source=${index}&ref=${index}`);
  const afterUnknown = await serverStats(app);
  console.log(`distinct unknown parameters: ${unknown.rps.toFixed(0)} req/s, errors ${unknown.errors}, non-2xx ${unknown.non2xx}; ${afterUnknown.line}`);
  const known = await load(app.baseUrl + page, (index) => `${page}?page=${index + 1}`);
  const afterKnown = await serverStats(app);
  console.log(`distinct ?page= values:      ${known.rps.toFixed(0)} req/s, errors ${known.errors}, non-2xx ${known.non2xx}; ${afterKnown.line}`);
  const within = Math.max(afterUnknown.cacheMb, afterKnown.cacheMb) <= BUDGET_MB;
  console.log(`page cache within its ${BUDGET_MB} MB budget: ${within ? "PASS" : "FAIL"}; web server heap ${before.heapMb} → ${afterKnown.heapMb} MB, rss ${before.rssMb} → ${afterKnown.rssMb} MB`);
} finally {
  await app.stop();
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
}
