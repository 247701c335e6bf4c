// `npm run bench:scale`: national scale. Builds a separate database (atlas_scale) with the ≈2,850 county-level
// regions of the gazetteer × 3 reports made from the seed reports' sentences, ingests them through the full pipeline, and prints
// reports/s, the database size, and server times of the pages at that size (cold: every request a different
// region or query, so nothing is cached; warm: the same URL again).
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp, buildIsCurrent } from "../lib/build";
import { freePort, startApp } from "../lib/bench/app-process";
import { percentile, timePath } from "../lib/bench/http";
import { seededRandom, SYNTHETIC_REGION_COUNT, syntheticRegion, syntheticReport } from "../lib/bench/synthetic";
import { createDatabaseClient } from "../lib/db/client";
import { INGEST_BATCH_SIZE, INGEST_CONCURRENCY, ingestMany } from "../lib/db/ingest";
import { defaultWorkerCount, ExtractionPool } from "./cli/extraction-pool";
import { applyMigrations } from "../lib/db/migrate";
import { seedReportFiles } from "../lib/db/seed";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabaseName } from "../lib/db/server";
import { extractReport } from "../lib/pipeline";

// Every county-level region of the gazetteer (2,847), unless BENCH_REGIONS asks for fewer.
const REGIONS = Math.min(Number(process.env.BENCH_REGIONS ?? SYNTHETIC_REGION_COUNT), SYNTHETIC_REGION_COUNT);
const REPORTS_PER_REGION = 3;
const BATCH = Number(process.env.BENCH_BATCH ?? INGEST_BATCH_SIZE);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? INGEST_CONCURRENCY);
const SAMPLES = 40;

async function timeDistinct(baseUrl: string, paths: string[]) {
  const samples: number[] = [];
  for (const pagePath of paths) {
    const start = performance.now();
    const response = await fetch(baseUrl + pagePath);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-scale-"));
chmodSync(tmp, 0o755);
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), port: freePort(), log: process.env.BENCH_PG_LOG ? (line) => console.error(line) : undefined });
const admin = process.env.DATABASE_URL ?? embedded!.url("postgres");
const scaleUrl = withDatabaseName(admin, "atlas_scale");
try {
  await dropDatabase(admin, "atlas_scale");
  await ensureDatabase(admin, "atlas_scale");
  await applyMigrations(scaleUrl);

  const sentences = seedReportFiles()
    .flatMap((file) => extractReport(readFileSync(file)).sentences.map((sentence) => sentence.text))
    .filter((text) => /\d/.test(text) && text.length > 12);
  const random = seededRandom(2850);
  const reports: { bytes: Buffer; region: ReturnType<typeof syntheticRegion> }[] = [];
  for (let index = 0; index < REGIONS; index++) {
    const region = syntheticRegion(index);
    for (let copy = 0; copy < REPORTS_PER_REGION; copy++) {
      reports.push({ region, bytes: Buffer.from(syntheticReport(region, sentences, 12, random), "utf8") });
    }
  }
  const characters = reports.reduce((sum, report) => sum + report.bytes.length / 3, 0);
  console.log(`synthetic data: ${REGIONS} regions × ${REPORTS_PER_REGION} reports = ${reports.length} reports (≈${Math.round(characters / reports.length)} characters each), marked synthetic`);

  const extractStart = performance.now();
  for (const report of reports.slice(0, 500)) extractReport(report.bytes);
  const extractRate = 500 / ((performance.now() - extractStart) / 1000);

  // Ingest as `atlas ingest` does it: extraction in worker threads, storing in batches on the main thread.
  const database = createDatabaseClient(scaleUrl);
  const pool = new ExtractionPool();
  const ingestStart = performance.now();
  let facts = 0;
  let failed = 0;
  await ingestMany(
    database,
    reports.map((report) => () => ({ bytes: report.bytes, options: { regionOverride: report.region, fileName: `${report.region.slug}.txt` } })),
    { extract: pool.extract, batchSize: BATCH, concurrency: CONCURRENCY, onResult: (result) => (result.ok ? (facts += result.outcome.facts) : failed++) },
  );
  await pool.close();
  if (failed) throw new Error(`${failed} synthetic reports failed to ingest`);
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  await database.$disconnect();

  const client = new pg.Client({ connectionString: scaleUrl });
  await client.connect();
  const size = (await client.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS size")).rows[0].size;
  await client.end();
  console.log(`extraction alone: ${extractRate.toFixed(0)} reports/s (one core)`);
  const ingestRate = reports.length / ingestSeconds;
  console.log(`ingest (atlas ingest's way: ${defaultWorkerCount()} extraction worker(s), batches of ${BATCH}, ${CONCURRENCY} in flight): ${reports.length} reports, ${facts} facts in ${ingestSeconds.toFixed(1)} s = ${ingestRate.toFixed(0)} reports/s`);
  console.log(`ingest / extraction alone: ${(ingestRate / extractRate).toFixed(2)} (target ≥ 0.5)`);
  console.log(`database size: ${size}`);

  if (!buildIsCurrent(process.cwd())) buildApp(process.cwd());
  const app = await startApp({ DATABASE_URL: scaleUrl, PORT: String(freePort()) });
  try {
    const pick = (count: number, offset: number) => Array.from({ length: count }, (_, i) => syntheticRegion((i * 71 + offset) % REGIONS).slug);
    const cold = {
      "/ (pages 1–40)": Array.from({ length: SAMPLES }, (_, i) => `/?page=${i + 1}`),
      "/regions/<slug>": pick(SAMPLES, 3).map((slug) => `/regions/${slug}`),
      "/compare?a=…&b=…": pick(SAMPLES, 5).map((slug, i) => `/compare?a=${slug}&b=${pick(SAMPLES, 900)[i]}`),
      "/?q=<search>": pick(SAMPLES, 11).map((slug) => `/?q=${encodeURIComponent(`样本县${slug.slice(-4)}`)}`),
    };
    console.log(`\nserver time at ${REGIONS} regions (target: p95 < 150 ms)`);
    console.log("page".padEnd(22), "cold median", "cold p95", "warm median", "warm p95");
    for (const [label, paths] of Object.entries(cold)) {
      const coldTiming = await timeDistinct(app.baseUrl, paths);
      const warm = await timePath(app.baseUrl, paths[0], SAMPLES, 2);
      console.log(label.padEnd(22), coldTiming.median.toFixed(1).padStart(11), coldTiming.p95.toFixed(1).padStart(8), warm.median.toFixed(1).padStart(11), warm.p95.toFixed(1).padStart(8));
    }
  } finally {
    await app.stop();
  }
} finally {
  await embedded?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
