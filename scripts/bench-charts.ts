// `npm run bench:charts`: what a reader waits for before a region page shows its charts — the page's first-load
// JavaScript, and in Chromium (CPU slowed 4×, as a mid-range phone) the time from navigation to the first chart
// bar in the document and to first contentful paint, with JavaScript on and off.
// Starts the app as `npm start` does (embedded PostgreSQL in a throwaway folder).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { buildApp, buildIsCurrent } from "../lib/build";
import { freePort, startApp } from "../lib/bench/app-process";
import { firstLoadJs } from "../lib/bench/http";
import { removeEmbeddedData } from "../lib/db/server";
import { CHROMIUM_FLAGS, findChromium } from "../tests/helpers/browser";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE = process.env.BENCH_PAGE ?? "/regions/zhenan";
const BAR = "figure a.chart-bar rect";

const executablePath = findChromium();
if (!executablePath) throw new Error("bench:charts needs Chromium");
const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-charts-"));
if (!buildIsCurrent(process.cwd(), process.env.NEXT_DIST_DIR)) buildApp(process.cwd());
const app = await startApp({ PORT: String(freePort()), ATLAS_DATA_DIR: path.join(tmp, "postgres"), EMBEDDED_PG_PORT: String(freePort()) });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
try {
  const js = await firstLoadJs(app.baseUrl, PAGE);
  console.log(`${PAGE} first-load JavaScript: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${(js.rawBytes / 1024).toFixed(1)} KB raw)`);
  const html = await (await fetch(app.baseUrl + PAGE)).text();
  console.log(`${PAGE} HTML: ${(html.length / 1024).toFixed(1)} KB, chart bars in it: ${(html.match(/class="chart-bar"/g) ?? []).length}`);

  for (const javaScriptEnabled of [true, false]) {
    const samples: { bar: number | null; fcp: number | null }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Records when the first bar enters the document, whether the parser or a script put it there.
      if (javaScriptEnabled) {
        await page.addInitScript((selector) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector)) {
              (window as unknown as { __firstBar?: number }).__firstBar = performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document, { childList: true, subtree: true });
        }, BAR);
      }
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(app.baseUrl + PAGE, { waitUntil: "load" });
      // Bars present at load (server-drawn) count from the response; others are awaited for up to 10 s.
      await page.waitForSelector(BAR, { timeout: 10_000 }).catch(() => null);
      const timing = await page.evaluate((selector) => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
        const mark = (window as unknown as { __firstBar?: number }).__firstBar ?? null;
        return { fcp, mark, present: document.querySelector(selector) !== null };
      }, BAR);
      // With JavaScript off no script can mark the bar: if it is there, it came with the HTML and was painted
      // at first contentful paint.
      samples.push({ bar: timing.present ? (timing.mark ?? timing.fcp) : null, fcp: timing.fcp });
      await context.close();
    }
    const median = (values: (number | null)[]) => {
      const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
      return known.length ? `${known[Math.floor(known.length / 2)].toFixed(0)} ms` : "never";
    };
    console.log(`JavaScript ${javaScriptEnabled ? "on " : "off"}: first chart bar in the document at ${median(samples.map((s) => s.bar))}, first contentful paint at ${median(samples.map((s) => s.fcp))} (median of ${RUNS}, CPU 4× slower)`);
  }
} finally {
  await browser.close();
  await app.stop();
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
}
