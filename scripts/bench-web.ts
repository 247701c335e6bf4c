// `npm run bench:web`: server render time of every page with the seed data, and /compare's first-load JavaScript.
// Starts the app as `npm start` does (embedded PostgreSQL in a throwaway folder unless DATABASE_URL is set).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp, buildIsCurrent } from "../lib/build";
import { freePort, startApp } from "../lib/bench/app-process";
import { removeEmbeddedData } from "../lib/db/server";
import { firstLoadJs, timePath, wireBytes } from "../lib/bench/http";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-web-"));
if (!buildIsCurrent(process.cwd(), process.env.NEXT_DIST_DIR)) buildApp(process.cwd());
const app = await startApp({ PORT: String(freePort()), ATLAS_DATA_DIR: path.join(tmp, "postgres"), EMBEDDED_PG_PORT: String(freePort()) });
try {
  const regions = (await (await fetch(`${app.baseUrl}/api/regions`)).json()) as { regions: { slug: string; latestReport: { id: number } | null }[] };
  const [first, second] = regions.regions;
  const paths = ["/", `/regions/${first.slug}`, `/compare?a=${first.slug}&b=${second.slug}`, `/reports/${first.latestReport!.id}`, `/api/regions/${first.slug}/facts`];
  console.log(`server time over ${REQUESTS} sequential requests each (target: every page < 100 ms)`);
  console.log("path".padEnd(44), "status", "median ms", "p95 ms", "max ms");
  let worst = 0;
  for (const pagePath of paths) {
    const timing = await timePath(app.baseUrl, pagePath, REQUESTS);
    worst = Math.max(worst, timing.p95);
    console.log(pagePath.padEnd(44), String(timing.status).padEnd(6), timing.median.toFixed(1).padStart(9), timing.p95.toFixed(1).padStart(6), timing.max.toFixed(1).padStart(6));
  }
  // Bytes sent for each response: uncompressed (a client that accepts no encoding) and as a browser gets it
  // (Accept-Encoding: gzip, deflate, br); pages come from the page cache by then (gzip), the API is compressed
  // as it is sent (brotli).
  console.log(`\nbytes sent, uncompressed → as a browser gets them (Accept-Encoding: gzip, deflate, br)`);
  const bytesPaths = [...new Set([...paths, "/regions/linfen", `/api/regions/${first.slug}/facts?format=csv`])];
  for (const bytesPath of bytesPaths) {
    const plain = await wireBytes(app.baseUrl, bytesPath);
    const sent = await wireBytes(app.baseUrl, bytesPath, "gzip, deflate, br");
    console.log(`${bytesPath.padEnd(44)} ${(plain.bytes / 1024).toFixed(1).padStart(7)} KB → ${(sent.bytes / 1024).toFixed(1).padStart(6)} KB ${sent.encoding} (cache: ${sent.cache})`);
  }

  const js = await firstLoadJs(app.baseUrl, `/compare?a=${first.slug}&b=${second.slug}`);
  console.log(`\n/compare first-load JavaScript: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${(js.rawBytes / 1024).toFixed(1)} KB raw); target < 300 KB`);
  console.log(`worst p95: ${worst.toFixed(1)} ms ${worst < 100 ? "(within target)" : "(OVER the 100 ms target)"}`);
} finally {
  await app.stop();
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
}
