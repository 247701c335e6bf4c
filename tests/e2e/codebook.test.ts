// The codebook in the browser: one kind per overview chart with "not reported" regions, headlines that show their
// kind, /compare and the region page showing the same figures, and /methodology generated from the codebook.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser } from "../helpers/browser-session";
import { CODEBOOK } from "../../lib/extract/lexicon";

const baseUrl = inject("baseUrl");

describe.skipIf(!browserPath)("codebook pages", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Fact ids of the cited figures in a part of the page (each once per table cell). */
  async function factIds(selector: string): Promise<number[]> {
    return page.locator(`${selector} a.cite[data-fact]`).evaluateAll((links) => links.map((a) => Number(a.getAttribute("data-fact"))));
  }

  it("plots one kind per overview chart and lists regions without it as not reported", async () => {
    await page.goto(`${baseUrl}/?kind=checkpoints.checkpoints`);
    const section = page.getByTestId("overview-kind-checkpoints");
    expect(await section.textContent()).toContain("卡口");
    expect(await page.getByTestId("not-reported-checkpoints").textContent()).toContain("麻城市");
    await page.goto(`${baseUrl}/?kind=branches.temporary`);
    expect(await page.getByTestId("overview-kind-branches").locator("[aria-current='true']").textContent()).toBe("临时党支部");
  });

  it("shows headlines with their kind", async () => {
    await page.goto(`${baseUrl}/regions/zhenan`);
    expect(await page.getByTestId("headline-kind-checkpoints").textContent()).toContain("检查监测站点");
    expect(await page.getByTestId("headline-kind-volunteers").textContent()).toContain("党员干部");
  });

  it("shows on /compare exactly the figures the region pages show, each once", async () => {
    await page.goto(`${baseUrl}/compare?a=zhenan&b=macheng`);
    const shownOnCompare = (await Promise.all(["branches", "volunteers", "funds", "checkpoints"].map((m) => factIds(`[data-testid='compare-table-${m}']`)))).flat();
    const onRegionPages: number[] = [];
    for (const slug of ["zhenan", "macheng"]) {
      await page.goto(`${baseUrl}/api/regions/${slug}/facts`);
      const { facts } = JSON.parse((await page.textContent("body"))!) as { facts: { id: number; metric: string; restates: number | null }[] };
      onRegionPages.push(...facts.filter((f) => ["branches", "volunteers", "funds", "checkpoints"].includes(f.metric) && f.restates === null).map((f) => f.id));
    }
    expect(shownOnCompare.sort((a, b) => a - b)).toEqual(onRegionPages.sort((a, b) => a - b));
  });

  it("generates /methodology from the codebook in both languages", async () => {
    for (const lang of ["zh", "en"] as const) {
      await page.goto(`${baseUrl}/methodology${lang === "en" ? "?lang=en" : ""}`);
      expect(await page.getByTestId("extractor-version").textContent()).toBe(CODEBOOK.extractorVersion);
      for (const family of CODEBOOK.families) {
        const text = await page.getByTestId(`family-${family.id}`).textContent();
        for (const kind of family.kinds) expect(text).toContain(kind.name[lang]);
      }
    }
  });
});
