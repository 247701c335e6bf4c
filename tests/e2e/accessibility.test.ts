// axe-core on every page, in both languages, as readers and as an editor see them: no serious or critical violation.
// Each page is checked whole (header, forms, tables, charts, report text), after hydration.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser, signIn } from "../helpers/browser-session";
import { addAppUsers, appQuery, removeAppUsers } from "../helpers/app-database";

const baseUrl = inject("baseUrl");
const EDITOR = { email: "e2e-axe-editor@example.org", password: "axe editor password", role: "editor" as const };
const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** The serious and critical violations on the page as it stands, as `rule: selector` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .flatMap((violation) => violation.nodes.slice(0, 3).map((node) => `${violation.id}: ${node.target.join(" ")}`));
  });
}

describe.skipIf(!browserPath)("accessibility of every page (axe-core)", () => {
  let browser: Browser;
  let reportId: number;

  beforeAll(async () => {
    await addAppUsers([EDITOR]);
    [{ id: reportId }] = await appQuery<{ id: number }>('SELECT r.id FROM "Report" r JOIN "Region" g ON g.id = r."regionId" WHERE g.slug = $1 ORDER BY r.id LIMIT 1', ["zhenan"]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await removeAppUsers([EDITOR]);
  });

  const readerPages = () => [
    "/", "/?province=陕西省", "/regions/zhenan", "/regions/haixi", "/compare?a=zhenan&b=macheng", "/compare?a=zhenan&b=nowhere",
    `/reports/${reportId}`, "/methodology", "/about", "/search?q=海西", "/search?q=临时党支部", "/login", "/history",
  ];

  for (const lang of ["zh", "en"] as const) {
    it(`finds no serious or critical violation on the readers' pages (${lang})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of readerPages()) {
        const url = `${baseUrl}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`;
        const response = await page.goto(url, { waitUntil: "networkidle" });
        expect(response?.status(), path).toBeLessThan(400);
        found.push(...(await seriousViolations(page)).map((line) => `${path} ${line}`));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it("finds none on the editor's pages, nor on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true });
    const page = await context.newPage();
    await signIn(page, EDITOR, "/reports/new");
    const found: string[] = [];
    for (const path of ["/reports/new", `/reports/${reportId}`, "/history", "/regions/linfen", "/compare?a=linfen&b=shanwei"]) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      found.push(...(await seriousViolations(page)).map((line) => `${path} ${line}`));
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
