// Charts drawn on the server: present without JavaScript, one tab stop each with arrow keys between bars, Enter to
// the figure in its sentence, SVG and PNG downloads of the same drawing, and no sideways scrolling on a phone.
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser, screenshot } from "../helpers/browser-session";
import { pngSize } from "../helpers/png";

const baseUrl = inject("baseUrl");

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What each chart on the page draws: its bars' fact ids, links and value texts, and its row labels. */
function drawnCharts(page: Page) {
  return page.locator("figure.chart").evaluateAll((figures) =>
    figures.map((figure) => ({
      id: figure.id,
      svgs: figure.querySelectorAll("svg.chart-svg").length,
      labels: [...figure.querySelectorAll(".chart-label")].map((label) => [...label.querySelectorAll("tspan")].map((span) => span.textContent).join("")),
      bars: [...figure.querySelectorAll("a.chart-bar")].map((bar) => ({
        fact: Number(bar.getAttribute("data-fact")),
        href: bar.getAttribute("href"),
        value: bar.querySelector("text")?.textContent ?? "",
        width: Number(bar.querySelector("rect")?.getAttribute("width")),
      })),
    })),
  );
}

describe.skipIf(!browserPath)("charts drawn on the server", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every chart of a region page with its bars, labels and values when JavaScript is off", async () => {
    // The region page charts every region-wide figure once (restatements and sub-region figures are listed apart).
    const facts = await query<{ id: number; metric: string; value: number }>(
      'SELECT f.id, f.metric, f.value FROM "Fact" f JOIN "Region" r ON r.id = f."regionId" WHERE r.slug = $1 AND f."restatesId" IS NULL AND f."scopeType" = $2',
      ["zhenan", "region"],
    );
    expect(facts.length).toBeGreaterThan(5);
    for (const lang of ["zh", "en"] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/regions/zhenan${lang === "en" ? "?lang=en" : ""}`);
      const charts = (await drawnCharts(page)).filter((chart) => chart.id.startsWith("region-"));
      expect(charts.flatMap((chart) => chart.bars.map((bar) => bar.fact)).sort((a, b) => a - b)).toEqual(facts.map((fact) => fact.id).sort((a, b) => a - b));
      const byId = new Map(facts.map((fact) => [fact.id, fact]));
      for (const chart of charts) {
        expect(chart.svgs).toBe(1);
        expect(chart.bars.length).toBeGreaterThan(0);
        const metric = chart.id.replace(/^region-/, "").replace(/-\d+$/, "");
        for (const bar of chart.bars) expect(byId.get(bar.fact)!.metric).toBe(metric);
        expect(chart.labels).toHaveLength(chart.bars.length);
        for (const label of chart.labels) expect(label.length).toBeGreaterThan(0);
        for (const bar of chart.bars) {
          expect(bar.href).toMatch(new RegExp(`^/reports/\\d+${lang === "en" ? "\\?lang=en" : ""}#f-${bar.fact}$`));
          expect(bar.value).toMatch(/\d/);
        }
        // The largest figure has the longest bar.
        const largest = chart.bars.reduce((best, bar) => (byId.get(bar.fact)!.value > byId.get(best.fact)!.value ? bar : best));
        expect(Math.max(...chart.bars.map((bar) => bar.width))).toBe(largest.width);
      }
      // Download buttons need JavaScript, so they are not offered without it; the CSV link and the table are.
      expect(await page.locator("[data-testid$='-png']").count()).toBe(0);
      expect(await page.locator("[data-testid^='region-'][data-testid$='-csv']").count()).toBe(charts.length);
      await screenshot(page, `region-zhenan-nojs-${lang}`);
      await context.close();
    }
  });

  it("is one tab stop per chart: arrow keys move between bars, Enter opens the figure in its sentence", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/regions/zhenan`, { waitUntil: "networkidle" });
    const charts = await drawnCharts(page);
    const busiest = charts.reduce((best, chart) => (chart.bars.length > best.bars.length ? chart : best));
    const chart = page.locator(`figure#${busiest.id}`);
    const bars = chart.locator("a.chart-bar");
    expect(await bars.count()).toBeGreaterThan(2);
    await bars.first().focus();
    const activeFact = () => page.evaluate(() => (document.activeElement as SVGElement | null)?.getAttribute("data-fact") ?? null);
    const first = await bars.nth(0).getAttribute("data-fact");
    const second = await bars.nth(1).getAttribute("data-fact");
    expect(await activeFact()).toBe(first);
    await page.keyboard.press("ArrowDown");
    expect(await activeFact()).toBe(second);
    const tabindexes = await bars.evaluateAll((links) => links.map((link) => link.getAttribute("tabindex")));
    expect(tabindexes).toEqual(tabindexes.map((_, index) => (index === 1 ? "0" : "-1")));
    // The focused bar's sentence is shown under the chart.
    const [{ text }] = await query<{ text: string }>('SELECT s.text FROM "Fact" f JOIN "Sentence" s ON s.id = f."sentenceId" WHERE f.id = $1', [Number(second)]);
    expect(await chart.locator("[aria-live]").textContent()).toContain(text);
    await page.keyboard.press("End");
    expect(await activeFact()).toBe(await bars.last().getAttribute("data-fact"));
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("figure.chart")?.id ?? null)).not.toBe(await chart.getAttribute("id"));
    await page.keyboard.press("Shift+Tab");
    expect(await activeFact()).toBe(second); // back to the bar last used: one stop, remembered
    // axe-core on the charts (bars, labels, table, buttons): no serious or critical violation.
    await page.addScriptTag({ content: readFileSync("node_modules/axe-core/axe.min.js", "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [["figure.chart"], ["figure.chart + div"]] });
      return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await Promise.all([page.waitForURL(new RegExp(`/reports/\\d+#f-${second}$`)), page.keyboard.press("Enter")]);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(`f-${second}`);
    await screenshot(page, "chart-enter-figure-target");
    await context.close();
  });

  it("downloads the chart as SVG and as a 2× PNG of the same drawing, with the date and the page's address", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const path = "/compare?a=zhenan&b=macheng";
    await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compare-funds-svg").click()]);
    expect(svgDownload.suggestedFilename()).toBe("compare-zhenan-macheng-funds.svg");
    const svgText = readFileSync((await svgDownload.path())!, "utf8");
    writeFileSync(`${inject("artifactsDir")}/compare-zhenan-macheng-funds.svg`, svgText);
    // Parsed as XML by the browser: the same bars as on the page, and a footer with today's date and the URL.
    const onPage = (await drawnCharts(page)).find((chart) => chart.id === "compare-funds")!;
    const parsed = await page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, "image/svg+xml");
      const root = document.documentElement;
      return {
        error: document.querySelector("parsererror")?.textContent ?? null,
        width: Number(root.getAttribute("width")),
        height: Number(root.getAttribute("height")),
        bars: [...root.querySelectorAll("a.chart-bar")].map((bar) => ({ fact: Number(bar.getAttribute("data-fact")), value: bar.querySelector("text")?.textContent ?? "" })),
        footer: root.querySelector(".chart-footer")?.textContent ?? "",
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.bars).toEqual(onPage.bars.map(({ fact, value }) => ({ fact, value })));
    expect(parsed.bars.length).toBeGreaterThan(0);
    expect(parsed.footer).toContain(new Date().toISOString().slice(0, 10));
    expect(parsed.footer.replace(/\s/g, "")).toContain(`${baseUrl}${path}`);

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compare-funds-png").click()]);
    expect(pngDownload.suggestedFilename()).toBe("compare-zhenan-macheng-funds.png");
    const bytes = readFileSync((await pngDownload.path())!);
    expect(pngSize(bytes)).toEqual({ width: parsed.width * 2, height: parsed.height * 2 });
    // Count the distinct colours the browser decodes: a blank or single-colour image has one or two.
    const colours = await page.evaluate(async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 200) dark++;
      }
      return { distinct: seen.size, dark };
    }, `data:image/png;base64,${bytes.toString("base64")}`);
    expect(colours.distinct).toBeGreaterThan(20);
    expect(colours.dark).toBeGreaterThan(500); // text was drawn
    writeFileSync(`${inject("artifactsDir")}/compare-zhenan-macheng-funds.png`, bytes);
    await context.close();
  });

  it("fits region and compare pages into a 375 px screen without sideways scrolling, charts included", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await phone.newPage();
    for (const lang of ["zh", "en"] as const) {
      for (const [path, name] of [["/regions/zhenan", "region-zhenan"], ["/regions/linfen", "region-linfen"], ["/compare?a=zhenan&b=macheng", "compare"]] as const) {
        await page.goto(`${baseUrl}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
        const overflowing = await page.locator("svg.chart-svg").evaluateAll((svgs) => svgs.filter((svg) => svg.getBoundingClientRect().right > window.innerWidth).length);
        expect(overflowing).toBe(0);
        await screenshot(page, `${name}-phone-${lang}`);
        await page.locator("figure.chart").first().screenshot({ path: `${inject("artifactsDir")}/${name}-phone-${lang}-chart.png` });
      }
    }
    await phone.close();
  }, 180_000);
});
