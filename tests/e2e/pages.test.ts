// Pages as readers meet them: the language declared on <html>, a skip link, the about page and the dataset download.
// Against the app as `npm start` serves it, with the seeded reports.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { unzip } from "../../lib/dataset/zip";
import { browserPath, launchBrowser, screenshot } from "../helpers/browser-session";
import { appQuery } from "../helpers/app-database";

const baseUrl = inject("baseUrl");

describe.skipIf(!browserPath)("pages for every reader", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, target: Page = page) {
    return (await target.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" }))!;
  }

  it("declares the page's language on <html>", async () => {
    for (const [path, lang] of [["/", "zh-CN"], ["/?lang=en", "en"], ["/regions/zhenan?lang=en", "en"], ["/regions/zhenan", "zh-CN"], ["/compare?lang=en", "en"]] as const) {
      await open(path);
      expect(await page.getAttribute("html", "lang"), path).toBe(lang);
    }
  });

  it("starts every page with a skip link to the main content", async () => {
    await open("/about?lang=en");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute("href") }));
    expect(focused).toEqual({ text: "Skip to main content", href: "#main" });
    expect(await page.locator(".skip-link").isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("gives each page a title of its own", async () => {
    const titles = new Map<string, string>();
    for (const path of ["/", "/regions/zhenan", "/regions/linfen?lang=en", "/regions/zhenan?lang=en", "/compare?a=zhenan&b=macheng", "/compare?a=linfen&b=haixi&lang=en", "/about"]) {
      await open(path);
      titles.set(path, await page.title());
    }
    const [report] = await appQuery<{ id: number; title: string }>('SELECT id, title FROM "Report" WHERE title IS NOT NULL ORDER BY id LIMIT 1');
    await open(`/reports/${report.id}`);
    titles.set("report", await page.title());
    expect(new Set(titles.values()).size).toBe(titles.size);
    expect(titles.get("/regions/zhenan")).toContain("镇安县");
    expect(titles.get("/regions/linfen?lang=en")).toContain("Linfen (prefecture-level city)");
    expect(titles.get("/regions/zhenan?lang=en")).toContain("Zhen'an County");
    expect(titles.get("/compare?a=zhenan&b=macheng")).toMatch(/镇安县.*麻城市/);
    expect(titles.get("/compare?a=linfen&b=haixi&lang=en")).toMatch(/Linfen \(prefecture-level city\).*Haixi/);
    expect(titles.get("report")).toContain(report.title);
  });

  it("follows a figure in a table to the figure itself, highlighted inside its sentence", async () => {
    await open("/regions/zhenan");
    const cite = page.getByTestId("fact-table").locator("a.cite").first();
    const href = (await cite.getAttribute("href"))!;
    const factId = Number(href.split("#f-")[1]);
    expect(href).toMatch(/^\/reports\/\d+#f-\d+$/);
    await Promise.all([page.waitForURL(/#f-\d+$/), cite.click()]);
    const target = await page.evaluate(() => ({ id: document.querySelector(":target")?.id, tag: document.querySelector(":target")?.tagName }));
    expect(target).toEqual({ id: `f-${factId}`, tag: "MARK" });
    const [{ figure }] = await appQuery<{ figure: string }>('SELECT figure FROM "Fact" WHERE id = $1', [factId]);
    expect(await page.locator(":target").textContent()).toBe(figure);
  });

  it("offers a citation line beside a figure, naming the region, the report and the page URL", async () => {
    await open("/regions/zhenan?lang=en");
    const wrap = page.locator("main .cite-wrap").first();
    const href = (await wrap.locator("a.cite").getAttribute("href"))!;
    await wrap.locator("summary").click();
    const line = (await wrap.getByTestId("citation").textContent())!;
    const [report] = await appQuery<{ title: string | null; outlet: string | null }>('SELECT r.title, r.outlet FROM "Report" r JOIN "Fact" f ON f."reportId" = r.id WHERE f.id = $1', [Number(href.split("#f-")[1])]);
    expect(line).toContain("Zhen'an County");
    expect(line).toContain(report.title ?? "Untitled");
    expect(line).toContain(report.outlet ?? "—");
    expect(line).toContain(`${baseUrl}${href}`);
    const today = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
    expect(line).toContain(`accessed ${today}`);
  });

  it("downloads the whole dataset as a zip whose datapackage.json describes its CSV files", async () => {
    await open("/about?lang=en");
    // Other e2e files store reports in the same database: the page must show however many there are now.
    const [{ reports }] = await appQuery<{ reports: string }>('SELECT count(*) AS reports FROM "Report"');
    expect(await page.getByTestId("dataset-version").textContent()).toMatch(new RegExp(`Reports\\s*${reports}(?!\\d)`));
    expect(await page.textContent("main")).toContain("CC BY 4.0");
    const href = (await page.getByTestId("dataset-download").getAttribute("href"))!;
    const response = await fetch(`${baseUrl}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const descriptor = JSON.parse(files.get("datapackage.json")!.toString("utf8"));
    expect(descriptor.licenses[0].name).toBe("CC-BY-4.0");
    expect(descriptor.resources.map((resource: { path: string }) => resource.path).sort()).toEqual(["facts.csv", "regions.csv", "reports.csv"]);
    const [{ facts }] = await appQuery<{ facts: string }>('SELECT count(*) AS facts FROM "Fact"');
    for (const resource of descriptor.resources as { path: string; schema: { fields: { name: string }[] } }[]) {
      const [header, ...rows] = files.get(resource.path)!.toString("utf8").trimEnd().split("\r\n");
      expect(header.split(","), resource.path).toEqual(resource.schema.fields.map((field) => field.name));
      if (resource.path === "facts.csv") expect(rows.filter((row) => /^\d+,\d+,\d+,/.test(row)).length).toBe(Number(facts));
      if (resource.path === "reports.csv") expect(rows.length).toBe(Number(reports));
    }
  });
});
