// Search as a reader uses it: the header's search box (a plain GET form) on any page, results grouped as regions,
// reports and figures, and a figure's link landing on the figure in its report.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser } from "../helpers/browser-session";

const baseUrl = inject("baseUrl");

describe.skipIf(!browserPath)("search", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function searchFromHeader(from: string, text: string) {
    await page.goto(`${baseUrl}${from}`, { waitUntil: "networkidle" });
    await page.locator('header form[role="search"] input[name="q"]').fill(text);
    await Promise.all([page.waitForURL(/\/search\?/), page.locator('header form[role="search"] button[type="submit"]').click()]);
  }

  it("finds a region by the suffixed form a report uses, from the header of any page", async () => {
    await searchFromHeader("/about", "海西州");
    expect(new URL(page.url()).searchParams.get("q")).toBe("海西州");
    const first = page.getByTestId("search-regions").locator("li").first();
    expect(await first.textContent()).toContain("海西蒙古族藏族自治州");
  });

  it("keeps English and finds provinces by pinyin", async () => {
    await searchFromHeader("/about?lang=en", "hubei");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.getByTestId("search-regions").textContent()).toContain("Hubei");
  });

  it("links a figure found by a word of its sentence to the figure in its report", async () => {
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("臨時黨支部")}`, { waitUntil: "networkidle" });
    const link = page.getByTestId("search-figures").locator("li a").first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/reports\/\d+#f-\d+$/);
    await link.click();
    await page.waitForURL(/\/reports\/\d+/);
    expect(await page.locator(`[id="${href.split("#")[1]}"]`).count()).toBe(1);
  });
});
