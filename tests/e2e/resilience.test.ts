// Faults and hostile input: the database going away under a running app, security headers, inert report text.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabaseClient } from "../../lib/db/client";
import { ingestReport } from "../../lib/db/ingest";
import { ensureDatabase, removeEmbeddedData, startEmbeddedPostgres } from "../../lib/db/server";
import { freePort, startApp } from "../../lib/bench/app-process";
import { browserPath, launchBrowser, screenshot } from "../helpers/browser-session";

const baseUrl = inject("baseUrl");
const tmp = mkdtempSync(path.join(os.tmpdir(), "atlas-fault-"));
afterAll(() => {
  removeEmbeddedData(path.join(tmp, "postgres"));
  rmSync(tmp, { recursive: true, force: true });
});

async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}

describe("faults", () => {
  it("answers with an error page while PostgreSQL is down, and recovers by itself when it returns", async () => {
    const dataDir = path.join(tmp, "postgres");
    const port = freePort();
    let server = await startEmbeddedPostgres({ dataDir, port });
    await ensureDatabase(server.url("postgres"), "atlas");
    const app = await startApp({ DATABASE_URL: server.url("atlas"), PORT: String(freePort()) });
    try {
      expect((await fetch(app.baseUrl)).status).toBe(200);
      await server.stop();
      const started = Date.now();
      const down = await poll(() => fetch(app.baseUrl, { signal: AbortSignal.timeout(10_000) }), (response) => response.status >= 500, 15_000);
      expect(down.status).toBe(503); // an outage, said as one: Retry-After
      expect(down.headers.get("retry-after")).toBe("5");
      expect(Date.now() - started).toBeLessThan(15_000); // no hang
      for (let index = 0; index < 5; index++) await fetch(`${app.baseUrl}/regions/zhenan?n=${index}`);
      // One line per failed request, no stack traces.
      const failed = app.output().split("\n").filter((line) => / GET \/\S* 503 database unavailable: /.test(line));
      expect(failed.length).toBeGreaterThanOrEqual(5);
      expect(app.output()).not.toMatch(/^\s+at /m);
      if (browserPath) {
        // The error page is what a reader sees: a plain statement and a retry button, not a blank page.
        const browser = await launchBrowser();
        try {
          const page = await browser.newPage();
          await page.goto(app.baseUrl, { waitUntil: "networkidle" });
          expect(await page.textContent("body")).toContain("数据暂时无法读取");
          await screenshot(page, "database-down");
        } finally {
          await browser.close();
        }
      }

      server = await startEmbeddedPostgres({ dataDir, port });
      const back = await poll(() => fetch(app.baseUrl).then((response) => response.status), (status) => status === 200, 15_000);
      expect(back).toBe(200);
    } finally {
      await app.stop();
      await server.stop();
    }
  });
});

describe("security", () => {
  it("sends a Content-Security-Policy and no x-powered-by", async () => {
    const response = await fetch(`${baseUrl}/`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(response.headers.get("x-powered-by")).toBeNull();
    const nonce = policy.match(/'nonce-([^']+)'/)![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it.skipIf(!browserPath)("renders a report containing <script> and javascript: links as inert text", async () => {
    const hostile = [
      "某某县疫情防控工作报道",
      "全县成立临时党支部12个<script>window.__pwned = 1; alert('x')</script>，组织党员志愿者300名参与值守。",
      '详情见<a href="javascript:window.__pwned=2">链接</a>和 javascript:window.__pwned=3 以及 <img src=x onerror="window.__pwned=4">。',
      "设立检查站点25个，&lt;script&gt;window.__pwned=5&lt;/script&gt;筹集资金10万元。",
    ].join("\n");
    const database = createDatabaseClient(inject("appDatabaseUrl"));
    let reportId: number;
    try {
      reportId = (await ingestReport(database, Buffer.from(hostile, "utf8"), { fileName: "hostile.txt", region: "某某县" })).reportId;
    } finally {
      await database.$disconnect();
    }
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const violations: string[] = [];
      page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
      await page.goto(`${baseUrl}/reports/${reportId}`, { waitUntil: "networkidle" });
      await page.getByTestId("show-original").check();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator("[data-testid=report-text] script, [data-testid=report-text] img").count()).toBe(0);
      expect(violations).toEqual([]); // the page's own scripts all satisfy the policy
      await screenshot(page, "report-hostile");
    } finally {
      await browser.close();
    }
  });
});

describe("page cache", () => {
  const nonceOf = (response: Response) => (response.headers.get("content-security-policy") ?? "").match(/'nonce-([^']+)'/)?.[1];

  it("serves a page again from cache, with a fresh nonce in the header and the body", async () => {
    const url = `${baseUrl}/compare?a=zhenan&b=macheng&cachetest=1`;
    const first = await fetch(url);
    const firstBody = await first.text();
    const second = await fetch(url);
    const secondBody = await second.text();
    expect(second.headers.get("x-atlas-cache")).toBe("hit");
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(secondBody).toContain(`nonce="${nonceOf(second)}"`);
    expect(secondBody).not.toContain(nonceOf(first)!);
    expect(secondBody.replaceAll(nonceOf(second)!, "N")).toBe(firstBody.replaceAll(nonceOf(first)!, "N"));
  });

  it("shows a newly ingested report within a second or two, without a restart", async () => {
    await fetch(`${baseUrl}/?q=样本乡`);
    expect((await fetch(`${baseUrl}/?q=样本乡`)).headers.get("x-atlas-cache")).toBe("hit");
    const database = createDatabaseClient(inject("appDatabaseUrl"));
    try {
      await ingestReport(database, Buffer.from("样本乡疫情防控工作报道\n全乡成立临时党支部9个，组织党员志愿者120名参与值守。"), {
        regionOverride: { name: "样本乡", nameEn: "Sample Township", slug: "sample-township", province: "测试省", level: "county" },
      });
    } finally {
      await database.$disconnect();
    }
    const page = await poll(() => fetch(`${baseUrl}/?q=样本乡`).then((response) => response.text()), (html) => html.includes("sample-township"), 5_000);
    expect(page).toContain("sample-township");
  });
});
