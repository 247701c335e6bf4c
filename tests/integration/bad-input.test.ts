// Bad input and faults for `extract` and `ingest`: one clear message, the right exit code, bounded time and
// memory, and a database left exactly as it was.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReport } from "../../lib/db/ingest";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-bad-input-"));
const seed = (name: string) => readFileSync(path.join("prisma/reports", name));
const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

interface Run { code: number | null; stdout: string; stderr: string; ms: number; maxRssMb: number }

function run(script: "extract" | "ingest", args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    // /usr/bin/time is not everywhere; report the child's peak memory through Node's own resource usage instead.
    const child = spawn(process.execPath, ["--import", "tsx", "--import", path.resolve("tests/helpers/report-rss.mjs"), `scripts/${script}.ts`, ...args], {
      timeout: 60_000, // a runaway child is killed rather than left behind
      killSignal: "SIGKILL",
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => {
      const rss = stderr.match(/^__rss_mb=(\d+)$/m);
      resolve({ code, stdout, stderr: stderr.replace(/^__rss_mb=\d+\n?/m, ""), ms: performance.now() - started, maxRssMb: rss ? Number(rss[1]) : NaN });
    });
  });
}

const badInputs: [string, () => string, RegExp][] = [
  ["a missing file", () => path.join(dir, "missing.txt"), /no such file|not found|does not exist/i],
  ["an empty file", () => write("empty.txt", ""), /empty/i],
  ["a binary file (PNG)", () => write("image.png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)])), /binary|not text/i],
  ["a 20 MB text file", () => write("huge.txt", Buffer.alloc(20 * 1024 * 1024, "全市成立临时党支部68个。")), /too large|MB/i],
  ["a non-Chinese text", () => write("english.txt", "This is an English report about mobilization. ".repeat(50)), /Chinese/i],
];

describe("extract with bad input", () => {
  it.each(badInputs)("rejects %s with exit 2 and one line on stderr", async (_, input, message) => {
    const result = await run("extract", [input()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.ms).toBeLessThan(20_000);
    expect(result.maxRssMb).toBeLessThan(600);
  });

  it("extracts an HTML page saved from a browser", async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>报道</title><style>p{color:red}</style><script>var x = 1;</script></head><body><div class="nav">首页 | 新闻</div><p>全县成立临时党支部68个，组织5000多名党员干部参与值守。</p><p>累计捐款261.75万元。</p></body></html>`;
    const result = await run("extract", [write("page.html", html), "--region", "镇安县"]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.text).not.toMatch(/<|var x|color:red/);
    expect(output.facts.map((fact: { value: number }) => fact.value)).toEqual(expect.arrayContaining([68, 5000, 2617500]));
  });

  it("extracts a truncated UTF-8 file (cut inside a character)", async () => {
    const bytes = seed("macheng.txt");
    const result = await run("extract", [write("truncated.txt", bytes.subarray(0, bytes.length - 2))]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).facts.length).toBeGreaterThan(5);
  });

  it("finds the same facts in GBK and Big5 copies of a seed report as in the UTF-8 original", async () => {
    const original = seed("macheng.txt");
    const facts = (output: string) => JSON.parse(output).facts.map((fact: { metric: string; value: number; subject: string }) => [fact.metric, fact.value, fact.subject]);
    // Each copy is compared with the UTF-8 file of the same characters: GBK and Big5 have no code for a few
    // (塆, a no-break space), which become "?" in those copies.
    const gbkBytes = iconv.encode(original.toString("utf8"), "gbk");
    const utf8 = await run("extract", [write("utf8.txt", Buffer.from(iconv.decode(gbkBytes, "gbk")))]);
    const gbk = await run("extract", [write("gbk.txt", gbkBytes)]);
    // Big5 holds traditional characters: encode the traditional form of the report, as a Big5 site would publish it.
    const { Converter } = await import("opencc-js");
    const traditional = Converter({ from: "cn", to: "tw" })(iconv.decode(gbkBytes, "gbk"));
    const big5Bytes = iconv.encode(traditional, "big5");
    const big5 = await run("extract", [write("big5.txt", big5Bytes)]);
    const big5AsUtf8 = await run("extract", [write("big5-utf8.txt", Buffer.from(iconv.decode(big5Bytes, "big5")))]);
    expect(gbk.code).toBe(0);
    expect(big5.code).toBe(0);
    expect(JSON.parse(gbk.stdout).encoding).toMatch(/GB/i);
    expect(JSON.parse(big5.stdout).encoding).toMatch(/big5/i);
    expect(facts(gbk.stdout)).toEqual(facts(utf8.stdout));
    expect(facts(big5.stdout)).toEqual(facts(big5AsUtf8.stdout));
    expect(facts(big5.stdout).length).toBe(facts(utf8.stdout).length);
  });

  it("accepts a report with no figures at all, with no facts", async () => {
    const result = await run("extract", [write("nofigures.txt", "镇安县党员干部坚守一线，群防群治，筑牢防线。\n各级党组织发挥战斗堡垒作用。")]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).facts).toEqual([]);
  });
});

describe("ingest with bad input and a failing database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database?.drop());

  const counts = async () => {
    const db = database.client;
    return Promise.all([db.region.count(), db.report.count(), db.sentence.count(), db.repair.count(), db.fact.count(), db.headline.count()]);
  };

  it.each(badInputs)("rejects %s and leaves the database as it was", async (_, input, message) => {
    const before = await counts();
    const result = await run("ingest", [input()], { DATABASE_URL: database.url });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("says clearly that the database is down, and stores nothing", async () => {
    const result = await run("ingest", ["prisma/reports/zhenan.txt"], { DATABASE_URL: "postgresql://postgres:x@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/database unavailable/i);
    expect(result.ms).toBeLessThan(30_000);
  });

  it("leaves no partial report when the database goes away mid-ingest", async () => {
    // Fault injection: a trigger holds the transaction inside the fact inserts while another session terminates
    // the ingest's connection, as a server crash or failover would.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`CREATE FUNCTION hold_ingest() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$ LANGUAGE plpgsql`);
      await admin.query(`CREATE TRIGGER hold_ingest AFTER INSERT ON "Fact" FOR EACH STATEMENT EXECUTE FUNCTION hold_ingest()`);
      const before = await counts();
      const ingest = ingestReport(database.client, seed("haixi.txt"), { fileName: "haixi.txt" });
      const outcome = ingest.then(() => "stored", (error: Error) => error.message);
      // Wait until the ingest is inside the trigger (its extraction first takes a while on a loaded machine), with
      // the trigger's sleep made long enough that a slow poll cannot miss it; then cut its connection.
      let terminated = 0;
      for (let waited = 0; terminated === 0 && waited < 60_000; waited += 50) {
        const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`);
        terminated = result.rowCount ?? 0;
        if (terminated === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(terminated).toBe(1);
      expect(await outcome).not.toBe("stored");
      await admin.query(`DROP TRIGGER hold_ingest ON "Fact"`);
      expect(await counts()).toEqual(before);
      // And the same report goes in whole once the database is healthy again.
      expect((await ingestReport(database.client, seed("haixi.txt"), { fileName: "haixi.txt" })).status).toBe("created");
    } finally {
      await admin.end();
    }
  });
});
