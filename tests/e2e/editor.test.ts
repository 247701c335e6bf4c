// An editor's session in Chromium against the app as `npm start` serves it: sign in, upload a GBK report, fix its
// region in the preview, save; correct, add and confirm figures; the region page, its headline and its CSV show
// them; an admin reverts one; anonymous visitors are sent to /login and cannot store anything.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { Browser } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserPath, launchBrowser, screenshot, signIn } from "../helpers/browser-session";
import { addAppUsers, appQuery, removeAppUsers } from "../helpers/app-database";

const baseUrl = inject("baseUrl");
const EDITOR = { email: "e2e-editor@example.org", password: "editor password", role: "editor" as const };
const ADMIN = { email: "e2e-admin@example.org", password: "admin password", role: "admin" as const };
const XSS_REASON = `漏提取<img src=x onerror="window.__xss=1">`;

async function csvRows(slug: string): Promise<Record<string, string>[]> {
  const text = (await (await fetch(`${baseUrl}/api/regions/${slug}/facts?format=csv`)).text()).replace(/^\uFEFF/, "");
  // The figures of this test have no commas or quotes in their cells except the quote column, which comes last
  // but two: split the header, then read cells by position from both ends.
  const [header, ...lines] = text.trim().split("\r\n");
  const names = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const row: Record<string, string> = {};
    names.forEach((name, index) => (row[name] = index < 9 ? cells[index] : cells[cells.length - (names.length - index)]));
    return row;
  });
}

describe.skipIf(!browserPath)("an editor in Chromium", () => {
  let browser: Browser;
  let reportId: number;

  beforeAll(async () => {
    await addAppUsers([EDITOR, ADMIN]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    // The other e2e files count the seeded regions and accounts: leave the app as it was.
    await appQuery(`DELETE FROM "Region" r WHERE slug = 'shiquan' AND NOT EXISTS (SELECT 1 FROM "Report" WHERE "regionId" = r.id)`);
    await removeAppUsers([EDITOR, ADMIN]);
  });

  it("sends anonymous visitors to /login and stores nothing for them", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/reports/new`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/reports/new");
    const before = await appQuery<{ count: string }>('SELECT count(*) FROM "Report"');
    const form = new FormData();
    form.set("file", new File([readFileSync("tests/fixtures/editor-report.txt")], "report.txt"));
    const response = await fetch(`${baseUrl}/api/reports`, { method: "POST", body: form });
    expect(response.status).toBe(401);
    expect(await appQuery('SELECT count(*) FROM "Report"')).toEqual(before);
    await page.close();
  });

  it("uploads a GBK report, fixes its region in the preview, and saves it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, EDITOR, "/reports/new");
    expect(await page.getByTestId("editor-status").textContent()).toContain(EDITOR.email);
    const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-e2e-upload-"));
    const file = path.join(dir, "ningshan-gbk.txt");
    writeFileSync(file, iconv.encode(readFileSync("tests/fixtures/editor-report.txt", "utf8"), "gbk"));
    await page.getByTestId("upload-file").setInputFiles(file);
    await page.getByTestId("preview-button").click();
    await page.getByTestId("upload-preview").waitFor();
    expect(await page.getByTestId("preview-region").textContent()).toContain("宁陕县");
    expect(await page.getByTestId("upload-preview").textContent()).toMatch(/GB/);
    expect(await page.getByTestId("preview-fact").count()).toBeGreaterThanOrEqual(5);
    expect(await appQuery('SELECT 1 FROM "Report" WHERE "title" LIKE $1', ["%宁陕县%"])).toEqual([]); // a preview stores nothing
    // The editor knows better: the report is about 石泉县.
    await page.getByTestId("region-search").fill("石泉");
    await page.getByTestId("region-matches").getByRole("button", { name: /石泉县/ }).click();
    await expect.poll(() => page.getByTestId("preview-region").textContent(), { timeout: 20_000 }).toContain("石泉县");
    await screenshot(page, "editor-upload-preview");
    await Promise.all([page.waitForURL(/\/reports\/\d+$/), page.getByTestId("save-button").click()]);
    reportId = Number(new URL(page.url()).pathname.split("/").pop());
    const [stored] = await appQuery<{ slug: string }>('SELECT r.slug FROM "Report" p JOIN "Region" r ON r.id = p."regionId" WHERE p.id = $1', [reportId]);
    expect(stored.slug).toBe("shiquan");
    await page.close();
  });

  it("corrects one figure, adds a missed one and confirms another; the region page, headline and CSV show them", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, EDITOR, `/reports/${reportId}`);
    const panel = page.getByTestId("correction-panel");
    await panel.waitFor();

    await panel.locator('[data-figure="42个"]').getByTestId("action-correct").click();
    await page.getByTestId("correction-value").fill("43");
    await page.getByTestId("correction-reason").fill("原图显示43个");
    await Promise.all([page.waitForEvent("load"), page.getByTestId("correction-save").click()]);
    await expect.poll(() => panel.locator('[data-figure="42个"]').textContent()).toContain("已更正");

    await panel.locator('[data-figure="135个"]').getByTestId("action-confirm").click();
    await page.getByTestId("correction-reason").fill("与原文核对无误");
    await Promise.all([page.waitForEvent("load"), page.getByTestId("correction-save").click()]);
    await expect.poll(() => panel.locator('[data-figure="135个"]').textContent()).toContain("已核实");

    // Select 各镇村 in sentence 5, as a reader would with the mouse.
    await page.evaluate(() => {
      const sentence = document.querySelector('[data-sentence="5"]')!;
      const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = node.textContent!.indexOf("各镇村");
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 3);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          return;
        }
      }
    });
    await page.getByTestId("action-add").click();
    expect(await page.getByTestId("correction-form").textContent()).toContain("各镇村");
    await page.getByTestId("correction-value").fill("3");
    await page.getByTestId("correction-unit").fill("个");
    await page.getByTestId("correction-subject").fill("镇村");
    await page.getByTestId("correction-reason").fill(XSS_REASON);
    await Promise.all([page.waitForEvent("load"), page.getByTestId("correction-save").click()]);
    await expect.poll(() => panel.locator('[data-figure="各镇村"]').count()).toBe(1);
    await screenshot(page, "editor-report-corrections");

    // Anonymous readers (the page cache) see the changes within a second.
    const reader = await browser.newPage();
    await reader.goto(`${baseUrl}/regions/shiquan`);
    const headlines = reader.getByRole("region", { name: "头条数字" });
    await expect.poll(async () => (await reader.reload(), await headlines.textContent()), { timeout: 20_000 }).toContain("43");
    expect(await headlines.getByTestId("figure-status").first().getAttribute("title")).toContain(EDITOR.email);
    await screenshot(reader, "editor-region-after-corrections");
    const rows = await csvRows("shiquan");
    expect(rows.find((row) => row.figure === "42个")).toMatchObject({ value: "43", status: "corrected" });
    expect(rows.find((row) => row.figure === "135个")?.status).toBe("confirmed");
    expect(rows.find((row) => row.figure === "各镇村")?.status).toBe("added");
    expect(rows.find((row) => row.figure === "96支")?.status).toBe("machine");
    await reader.close();
    await page.close();
  });

  it("shows the history without running editor text, and lets an admin revert a change", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ADMIN, "/history");
    const table = page.getByTestId("history-table");
    expect(await table.getByTestId("history-reason").allTextContents()).toContain(XSS_REASON); // shown as text
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await Promise.all([page.waitForEvent("load"), table.locator('[data-action="correct"]').getByTestId("revert").click()]);
    await expect.poll(() => page.getByTestId("history-table").locator('[data-action="correct"]').textContent()).toContain(ADMIN.email);
    await screenshot(page, "editor-history-after-revert");
    await expect.poll(async () => (await csvRows("shiquan")).find((row) => row.figure === "42个"), { timeout: 20_000 }).toMatchObject({ value: "42", status: "machine" });
    await page.close();
  });

  it("lets an admin delete the report after a confirmation; the history keeps a record", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void (dialog.type() === "prompt" ? dialog.accept("测试结束，删除") : dialog.accept()));
    await signIn(page, ADMIN, `/reports/${reportId}`);
    await Promise.all([page.waitForURL(/\/regions\/shiquan/), page.getByTestId("delete-report").click()]);
    expect(await appQuery('SELECT 1 FROM "Report" WHERE id = $1', [reportId])).toEqual([]);
    expect(await appQuery('SELECT "reason" FROM "ReportDeletion" WHERE "editorEmail" = $1', [ADMIN.email])).toEqual([{ reason: "测试结束，删除" }]);
    await page.goto(`${baseUrl}/history`);
    expect(await page.getByTestId("history-deletions").textContent()).toContain("测试结束，删除");
    expect(await page.getByTestId("history-table").textContent()).toContain("已删除");
    await page.close();
  });
});
