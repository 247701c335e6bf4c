// `atlas ingest` isolates each file: a hostile file (one that exhausts the extractor's memory or time) fails alone,
// reported in one line, and the files around it in the batch are stored.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-hostile-"));
let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function atlas(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("bin/atlas"), args, { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("ingest isolation", () => {
  it("stores the rest of a batch when one file exhausts the extractor's memory or time", async () => {
    // Just under the 4 MB a report may be: figures in every clause, which the extractor cannot finish in 64 MB.
    const clause = "全县成立临时党支部68个，组织5000多名党员干部参与值守，筹集资金261.75万元，设立检查站点25个。\n";
    const hostile = path.join(dir, "hostile.txt");
    writeFileSync(hostile, clause.repeat(Math.floor((4 * 1024 * 1024 - 1024) / Buffer.byteLength(clause))));
    const result = await atlas(["ingest", "prisma/reports/zhenan.txt", hostile, "prisma/reports/haixi.txt"], {
      DATABASE_URL: database.url, ATLAS_INGEST_MEMORY_MB: "64", ATLAS_INGEST_TIMEOUT_S: "30",
    });
    expect(result.stderr.trim()).toMatch(/^failed hostile\.txt: (ran out of memory \(the limit is 64 MB\)|took longer than 30 s and was stopped); nothing was stored$/);
    expect(result.stdout).toMatch(/^created zhenan\.txt: /m);
    expect(result.stdout).toMatch(/^created haixi\.txt: /m);
    expect(result.code).toBe(1);
    const stored = await database.client.report.findMany({ select: { sourceFile: true }, orderBy: { id: "asc" } });
    expect(stored.map((report) => report.sourceFile)).toEqual(["zhenan.txt", "haixi.txt"]);
  });
});
