// The dashboard in headless Chromium against the app as `npm start` serves it, with the seeded reports.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser, screenshot } from "../helpers/browser-session";
import { appQuery } from "../helpers/app-database";

const baseUrl = inject("baseUrl");

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(cell), (cell = "");
    else if (char === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else if (char !== "\r") cell += char;
  }
  return rows;
}

describe.skipIf(!browserPath)("dashboard in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string) {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    return response!;
  }

  it("renders the overview with every seeded region and its headline figures", async () => {
    const response = await open("/");
    expect(response.status()).toBe(200);
    // The regions reports are filed under (the provinces and prefectures stored above them have no cards).
    const regions = await appQuery<{ name: string }>('SELECT name FROM "Region" r WHERE EXISTS (SELECT 1 FROM "Report" WHERE "regionId" = r.id)');
    expect(regions.length).toBe(5);
    for (const region of regions) await expect.poll(() => page.getByTestId("region-cards").textContent()).toContain(region.name);
    // A headline links to its sentence and carries the quote.
    const cite = page.getByTestId("region-cards").locator("a.cite").first();
    expect(await cite.getAttribute("href")).toMatch(/^\/reports\/\d+#f-\d+$/);
    expect((await cite.getAttribute("data-quote"))!.length).toBeGreaterThan(5);
    // Charts: the server's SVG, redrawn by recharts after hydration (tests/e2e/charts.test.ts compares the two).
    await page.locator(".recharts-surface").first().waitFor();
    await screenshot(page, "overview-desktop");
  });

  it("searches regions by Chinese name and by pinyin", async () => {
    await open("/?q=麻城");
    expect(await page.getByTestId("region-cards").locator("li").count()).toBe(1);
    await open("/?q=zhen");
    expect(await page.getByTestId("region-cards").textContent()).toContain("镇安县");
  });

  it("renders a region page: headlines, charts, every fact with its quote, the text and its repairs", async () => {
    const response = await open("/regions/zhenan");
    expect(response.status()).toBe(200);
    const [{ count }] = await appQuery<{ count: string }>('SELECT count(*) FROM "Fact" f JOIN "Region" r ON r.id = f."regionId" WHERE r.slug = $1', ["zhenan"]);
    expect(await page.getByTestId("fact-table").locator("tbody tr").count()).toBe(Number(count));
    await expect.poll(() => page.locator(".recharts-surface").count()).toBeGreaterThan(2);
    expect(await page.locator(".report-text a.figure").count()).toBeGreaterThan(10);
    expect(await page.textContent("body")).toContain("临时党支部");
    await screenshot(page, "region-zhenan-desktop");
  });

  it("compares 镇安 and 麻城 through the pickers (a name, a suggestion), then swaps them", async () => {
    await open("/compare");
    // The pickers list no regions up front: they suggest as one types.
    expect(await page.locator("option").count()).toBe(0);
    await page.getByTestId("pick-a").fill("镇安县");
    await page.getByTestId("pick-b").fill("麻");
    await expect.poll(() => page.locator("datalist option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toContain("麻城市");
    await page.getByTestId("pick-b").fill("麻城市");
    await Promise.all([page.waitForURL(/\/compare\?a=zhenan&b=macheng$/), page.getByRole("button", { name: "对比" }).click()]);
    await expect.poll(() => page.locator("#compare-branches .recharts-surface").count()).toBe(1);
    expect(await page.getByTestId("headline-branches").textContent()).toMatch(/镇安县[\s\S]*麻城市/);
    await screenshot(page, "compare-zhenan-macheng-desktop");
    await Promise.all([page.waitForURL(/a=macheng&b=zhenan/), page.getByTestId("swap").click()]);
    expect(await page.getByTestId("headline-branches").textContent()).toMatch(/麻城市[\s\S]*镇安县/);
    expect(await page.getByTestId("pick-a").inputValue()).toBe("麻城市");
  });

  it("takes names as readers type them in the compare URL, and says which ones name no region or several", async () => {
    await open(`/compare?a=${encodeURIComponent("海西州")}&b=${encodeURIComponent("臨汾")}`);
    expect(new URL(page.url()).search).toBe("?a=haixi&b=linfen");
    await open(`/compare?a=zhenan&b=${encodeURIComponent("没有这个地方")}`);
    expect(await page.getByTestId("pair-problems").textContent()).toContain("没有这个地方");
  });

  it("lands on the highlighted figure in its source sentence when a bar is clicked", async () => {
    await open("/compare?a=zhenan&b=macheng");
    await page.locator("#compare-branches .recharts-surface").waitFor();
    const bar = page.locator("#compare-branches a.chart-bar").first();
    const href = (await bar.getAttribute("href"))!;
    expect(href).toMatch(/^\/reports\/\d+#f-\d+$/);
    await Promise.all([page.waitForURL(/\/reports\/\d+#f-\d+$/), bar.locator("rect").click()]);
    const factId = Number(href.split("#f-")[1]);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(`f-${factId}`);
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(":target")!.closest(".sentence")!).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    const [{ figure, text }] = await appQuery<{ figure: string; text: string }>('SELECT f.figure, s.text FROM "Fact" f JOIN "Sentence" s ON s.id = f."sentenceId" WHERE f.id = $1', [factId]);
    expect(await page.locator(":target").textContent()).toBe(figure);
    expect(await page.locator(".sentence:has(:target) .sentence-clean").textContent()).toBe(text);
    await screenshot(page, "report-sentence-target");
    // The toggle shows the characters as received beside the clean text.
    await page.getByTestId("show-original").check();
    expect(await page.locator(".sentence:has(:target) .sentence-original").isVisible()).toBe(true);
    await screenshot(page, "report-original-toggle");
  });

  it("downloads a CSV whose rows match the database", async () => {
    await open("/regions/macheng");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("facts-csv").click()]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toContain("quote");
    const facts = await appQuery<{ value: number; subject: string; text: string; metric: string }>(
      'SELECT f.value, f.subject, f.metric, s.text FROM "Fact" f JOIN "Sentence" s ON s.id = f."sentenceId" JOIN "Region" r ON r.id = f."regionId" WHERE r.slug = $1 ORDER BY f."reportId", f.start',
      ["macheng"],
    );
    expect(rows.length).toBe(facts.length);
    const column = (name: string) => header.indexOf(name);
    rows.forEach((row, index) => {
      expect(Number(row[column("value")])).toBe(facts[index].value);
      expect(row[column("subject")]).toBe(facts[index].subject);
      expect(row[column("metric")]).toBe(facts[index].metric);
      expect(row[column("quote")]).toBe(facts[index].text);
      expect(row[column("source")]).toMatch(/\/reports\/\d+#s-\d+$/);
    });
  });

  it("switches to English and keeps the view", async () => {
    await open("/compare?a=zhenan&b=macheng");
    await Promise.all([page.waitForURL(/lang=en/), page.getByRole("link", { name: "English" }).click()]);
    expect(page.url()).toMatch(/a=zhenan/);
    expect(await page.textContent("main")).toContain("Party organizations");
    await screenshot(page, "compare-english");
  });

  it("answers unknown regions and reports with a 404 page, and bad parameters with a notice", async () => {
    expect((await open("/regions/atlantis")).status()).toBe(404);
    expect((await open("/reports/999999")).status()).toBe(404);
    expect((await open("/reports/abc")).status()).toBe(404);
    const response = await open("/compare?a=atlantis&b=zhenan");
    expect(response.status()).toBe(200);
    expect(await page.getByRole("status").textContent()).toContain("atlantis");
    expect((await open("/?page=-3")).status()).toBe(200);
    expect(await page.getByRole("status").count()).toBe(1);
  });

  it("works on a phone-sized screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const mobile = await phone.newPage();
    for (const [path, name] of [["/", "overview-phone"], ["/compare?a=zhenan&b=macheng", "compare-phone"], ["/regions/linfen", "region-linfen-phone"]] as const) {
      await mobile.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(mobile, name);
    }
    await phone.close();
  });
});
