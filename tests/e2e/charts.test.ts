// Charts drawn on the server: present without JavaScript. With JavaScript, recharts draws each again from the same
// specification after hydration (same bars, values, labels and size): one tab stop each with arrow keys between
// bars, Enter or a click to the figure in its sentence, the sentence shown on hover; SVG and PNG downloads of the
// server's drawing, and no sideways scrolling on a phone.
import { readFileSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser, screenshot } from "../helpers/browser-session";
import { pngSize } from "../helpers/png";
import { appQuery } from "../helpers/app-database";

const baseUrl = inject("baseUrl");

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

/** The recharts drawing of each chart (JavaScript on): its bars' fact ids, links, value texts and row labels. */
function rechartsCharts(page: Page) {
  return page.locator("figure.chart").evaluateAll((figures) =>
    figures.map((figure) => ({
      id: figure.id,
      surfaces: figure.querySelectorAll(".recharts-surface").length,
      serverSvgs: figure.querySelectorAll("svg.chart-svg").length,
      height: figure.querySelector(".chart-drawing")!.getBoundingClientRect().height,
      labels: [...figure.querySelectorAll(".recharts-surface .chart-label")].map((label) => [...label.querySelectorAll("tspan")].map((span) => span.textContent).join("")),
      // In reading order (recharts draws one series after the other; data-index is the order of the server's links).
      bars: [...figure.querySelectorAll(".recharts-surface .recharts-bar-rectangle a.chart-bar")].sort((a, b) => Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"))).map((bar) => ({
        fact: Number(bar.getAttribute("data-fact")),
        href: bar.getAttribute("href"),
        value: figure.querySelector(`.recharts-surface .chart-value[data-fact="${bar.getAttribute("data-fact")}"]`)?.textContent ?? "",
        width: bar.querySelector("rect")!.getBoundingClientRect().width,
      })),
    })),
  );
}

/** Waits until every chart on the page is drawn by recharts (after hydration and its lazily loaded chunk). */
async function rechartsReady(page: Page) {
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll("figure.chart")].every((figure) => !figure.querySelector("a.chart-bar") || figure.querySelector(".recharts-surface")))).toBe(true);
}

/** axe-core on the charts (bars, labels, caption, table, buttons): serious and critical violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync("node_modules/axe-core/axe.min.js", "utf8") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run({ include: [["figure.chart"], ["figure.chart + div"]] });
    return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe.skipIf(!browserPath)("charts: drawn on the server, then by recharts", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every chart of a region page with its bars, labels and values when JavaScript is off", async () => {
    // The region page charts every region-wide figure once (restatements and sub-region figures are listed apart).
    const facts = await appQuery<{ id: number; metric: string; value: number }>(
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

  it("with JavaScript, redraws every chart with recharts from the same specification: same bars, values, labels and size", async () => {
    for (const [path, lang] of [["/regions/zhenan", "zh"], ["/regions/zhenan?lang=en", "en"], ["/compare?a=zhenan&b=macheng", "zh"], ["/compare?a=zhenan&b=macheng&lang=en", "en"]] as const) {
      const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const serverPage = await noJs.newPage();
      await serverPage.goto(`${baseUrl}${path}`);
      const server = await drawnCharts(serverPage);
      const serverHeights = await serverPage.locator("figure.chart .chart-drawing").evaluateAll((drawings) => drawings.map((drawing) => drawing.getBoundingClientRect().height));
      await noJs.close();

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      await rechartsReady(page);
      const drawn = await rechartsCharts(page);
      expect(drawn.map((chart) => chart.id)).toEqual(server.map((chart) => chart.id));
      expect(drawn.length).toBeGreaterThan(2);
      drawn.forEach((chart, index) => {
        const before = server[index];
        if (before.bars.length === 0) return; // nothing to interact with: the server's drawing stays
        expect(chart.surfaces).toBe(1);
        expect(chart.serverSvgs).toBe(0);
        // One recharts bar per bar of the specification, in the same order, with the same link and value text.
        expect(chart.bars.map(({ fact, href, value }) => ({ fact, href, value }))).toEqual(before.bars.map(({ fact, href, value }) => ({ fact, href, value })));
        for (const bar of chart.bars) expect(bar.href).toMatch(new RegExp(`^/reports/\\d+${lang === "en" ? "\\?lang=en" : ""}#f-${bar.fact}$`));
        expect(chart.labels).toEqual(before.labels);
        expect(chart.labels.length).toBeGreaterThan(0);
        // Bar lengths in the same proportions (the longest is the same bar), and the same height: no shift.
        const longest = (bars: { width: number }[]) => bars.reduce((best, bar, at) => (bar.width > bars[best].width ? at : best), 0);
        expect(longest(chart.bars)).toBe(longest(before.bars));
        expect(Math.abs(chart.height - serverHeights[index])).toBeLessThanOrEqual(1);
      });
      await screenshot(page, `recharts-${path.startsWith("/compare") ? "compare" : "region-zhenan"}-desktop-${lang}`);
      await context.close();
    }
  }, 120_000);

  it("is one tab stop per chart: arrow keys move between bars, the caption names the figure, Enter opens it in its sentence", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/regions/zhenan`, { waitUntil: "networkidle" });
    await rechartsReady(page);
    const charts = await rechartsCharts(page);
    const busiest = charts.reduce((best, chart) => (chart.bars.length > best.bars.length ? chart : best));
    const chart = page.locator(`figure#${busiest.id}`);
    const bars = chart.locator(".recharts-surface a.chart-bar");
    expect(await bars.count()).toBeGreaterThan(2);
    const activeFact = () => page.evaluate(() => (document.activeElement as SVGElement | null)?.getAttribute("data-fact") ?? null);
    const activeChart = () => page.evaluate(() => document.activeElement?.closest("figure.chart")?.id ?? null);
    const first = await bars.nth(0).getAttribute("data-fact");
    const second = await bars.nth(1).getAttribute("data-fact");
    // Tab from the last control before the chart reaches its first bar, once.
    const chartIndex = charts.findIndex((candidate) => candidate.id === busiest.id);
    expect(chartIndex).toBeGreaterThan(0);
    await page.getByTestId(`${charts[chartIndex - 1].id}-table`).locator("summary").focus();
    await page.keyboard.press("Tab");
    expect(await activeChart()).toBe(busiest.id);
    expect(await activeFact()).toBe(first);
    await page.keyboard.press("ArrowDown");
    expect(await activeFact()).toBe(second);
    const tabindexes = await bars.evaluateAll((links) => links.map((link) => link.getAttribute("tabindex")));
    expect(tabindexes).toEqual(tabindexes.map((_, index) => (index === 1 ? "0" : "-1")));
    // The focused bar's figure and sentence are shown under the chart (a live region).
    const [{ text }] = await appQuery<{ text: string }>('SELECT s.text FROM "Fact" f JOIN "Sentence" s ON s.id = f."sentenceId" WHERE f.id = $1', [Number(second)]);
    const caption = chart.locator("[aria-live]");
    expect(await caption.textContent()).toContain(text);
    expect(await caption.textContent()).toContain((await bars.nth(1).getAttribute("aria-label"))!);
    await page.keyboard.press("ArrowRight");
    expect(await activeFact()).toBe(await bars.nth(2).getAttribute("data-fact"));
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    expect(await activeFact()).toBe(await bars.last().getAttribute("data-fact"));
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await activeChart()).not.toBe(busiest.id);
    await page.keyboard.press("Shift+Tab");
    expect(await activeFact()).toBe(second); // back to the bar last used: one stop, remembered
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(new RegExp(`/reports/\\d+#f-${second}$`)), page.keyboard.press("Enter")]);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(`f-${second}`);
    await screenshot(page, "chart-enter-figure-target");
    await context.close();
  });

  it("shows a bar's sentence on hover, and a click on the bar (or beside it, in its row) opens the figure in its sentence", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const lang of ["zh", "en"] as const) {
      const path = `/compare?a=zhenan&b=macheng${lang === "en" ? "&lang=en" : ""}`;
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      await rechartsReady(page);
      const chart = page.locator("figure#compare-volunteers");
      const rectangles = chart.locator(".recharts-bar-rectangle:has(a.chart-bar)");
      expect(await rectangles.count()).toBeGreaterThan(2);
      const target = rectangles.nth(2);
      const fact = Number(await target.locator("a.chart-bar").getAttribute("data-fact"));
      await target.hover();
      const [{ text }] = await appQuery<{ text: string }>('SELECT s.text FROM "Fact" f JOIN "Sentence" s ON s.id = f."sentenceId" WHERE f.id = $1', [fact]);
      await expect.poll(() => chart.locator("[aria-live]").textContent()).toContain(text);
      expect(await target.locator("a.chart-bar").getAttribute("data-active")).toBe("");
      await screenshot(page, `recharts-compare-hover-${lang}`);
      expect(await axeViolations(page)).toEqual([]);
      // A real mouse click (down, up) on the bar.
      await Promise.all([page.waitForURL(new RegExp(`/reports/\\d+${lang === "en" ? "\\?lang=en" : ""}#f-${fact}$`)), target.click()]);
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(`f-${fact}`);
      expect(await page.locator(`#f-${fact}`).evaluate((mark) => getComputedStyle(mark).outlineStyle)).toBe("solid"); // highlighted
    }
    // Beside a short bar, in its row: the row's first figure.
    await page.goto(`${baseUrl}/regions/zhenan`, { waitUntil: "networkidle" });
    await rechartsReady(page);
    const bars = await rechartsCharts(page);
    const chart = bars.find((candidate) => candidate.bars.length > 2)!;
    const short = chart.bars.reduce((best, bar) => (bar.width < best.width ? bar : best));
    const shortRect = page.locator(`figure#${chart.id} a.chart-bar[data-fact="${short.fact}"] rect`);
    await shortRect.scrollIntoViewIfNeeded();
    const box = (await shortRect.boundingBox())!;
    await Promise.all([page.waitForURL(new RegExp(`/reports/\\d+#f-${short.fact}$`)), page.mouse.click(box.x + box.width + 120, box.y + box.height / 2)]);
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
    await rechartsReady(page);
    const onPage = (await rechartsCharts(page)).find((chart) => chart.id === "compare-funds")!;
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
        await page.goto(`${baseUrl}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`, { waitUntil: "networkidle" });
        await rechartsReady(page);
        expect(await page.locator(".recharts-surface").count()).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
        const overflowing = await page.locator("svg.chart-svg, .recharts-wrapper").evaluateAll((drawings) => drawings.filter((drawing) => drawing.getBoundingClientRect().right > window.innerWidth).length);
        expect(overflowing).toBe(0);
        await screenshot(page, `${name}-phone-${lang}`);
        await page.locator("figure.chart").first().screenshot({ path: `${inject("artifactsDir")}/${name}-phone-${lang}-chart.png` });
      }
    }
    await phone.close();
  }, 180_000);
});
