// The `atlas` command line as users run it: bin/atlas, the built JavaScript (no tsx), its help, exit codes and
// subcommands against a real database, and its rebuild when a source changes.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractReport } from "../../lib/pipeline";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const bin = path.resolve("bin/atlas");
const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function atlas(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Run from another folder: the command line must find its project by itself.
    const child = spawn(bin, args, { cwd: dir, env: { ...process.env, ...env } });
    child.stdout.setEncoding("utf8"); // decodes characters split across chunks
    child.stderr.setEncoding("utf8");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const manifest = () => JSON.parse(readFileSync("node_modules/.cache/atlas-cli/manifest.json", "utf8")) as { build: string; inputs: Record<string, unknown> };

describe("atlas", () => {
  it("lists its commands with --help (exit 0), and exits 2 without a command or with an unknown one", async () => {
    const help = await atlas(["--help"]);
    expect(help.code).toBe(0);
    for (const name of ["extract", "ingest", "migrate", "seed", "reextract", "user"]) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    expect((await atlas([])).code).toBe(2);
    const unknown = await atlas(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('atlas: unknown command "frobnicate"; commands: extract, ingest, migrate, seed, reextract, user (atlas --help)');
  });

  it.each(["extract", "ingest", "migrate", "seed"])("%s --help states its usage and exit codes", async (name) => {
    const result = await atlas([name, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: atlas ${name}`));
    expect(result.stdout).toMatch(/exit codes: 0 .*; 1 .*; 2 /s);
  });

  it("extract prints the same JSON as the pipeline, from a path relative to where it runs", async () => {
    writeFileSync(path.join(dir, "linfen.txt"), readFileSync("prisma/reports/linfen.txt"));
    const result = await atlas(["extract", "linfen.txt"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(extractReport(readFileSync("prisma/reports/linfen.txt"), { fileName: "linfen.txt" }))));
  });

  it("extract: a bad option or a missing file is bad input, one line on stderr, exit 2", async () => {
    const option = await atlas(["extract", "linfen.txt", "--regoin", "临汾"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("extract: unknown option --regoin (atlas extract --help)\n");
    const missing = await atlas(["extract", "missing.txt"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  });

  describe("against a database", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await freshDatabase({ migrate: false });
    });
    afterAll(() => database?.drop());

    it("migrate applies the migrations, then finds the database up to date", async () => {
      const first = await atlas(["migrate"], { DATABASE_URL: database.url });
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^applied /);
      const second = await atlas(["migrate"], { DATABASE_URL: database.url });
      expect(second.stdout.trim()).toBe("database is up to date");
    });

    it("ingest stores a report and says so; a missing file among others exits 2 and the rest are stored", async () => {
      const result = await atlas(["ingest", path.resolve("prisma/reports/zhenan.txt"), "missing.txt", path.resolve("prisma/reports/haixi.txt")], { DATABASE_URL: database.url });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^created zhenan\.txt: report \d+, region zhenan, \d+ facts$/m);
      expect(result.stdout).toMatch(/^created haixi\.txt: /m);
      expect(result.stderr.trim()).toMatch(/^failed missing\.txt: cannot read missing\.txt: no such file$/);
      expect(await database.client.report.count()).toBe(2);
    });

    it("seed stores the shipped reports not stored yet", async () => {
      const result = await atlas(["seed"], { DATABASE_URL: database.url });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^unchanged zhenan\.txt/m);
      expect(result.stdout).toMatch(/^created linfen\.txt/m);
    });

    it("an unreachable database is one line and exit 1", async () => {
      const result = await atlas(["migrate"], { DATABASE_URL: "postgresql://postgres:x@127.0.0.1:1/none" });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^migrate: database unavailable/);
    });
  });

  it("extract gives the same JSON whether V8's code cache of the build is there, damaged or missing", async () => {
    const build = path.join("node_modules/.cache/atlas-cli", manifest().build);
    // The large data tables sit beside the bundle, not in it (scripts/build-cli.mjs).
    for (const file of ["data/gazetteer.json", "data/common-words.COMMON_WORDS.txt"]) expect(existsSync(path.join(build, file))).toBe(true);
    const cacheFile = path.join(build, "extract.v8-code-cache");
    const cache = readFileSync(cacheFile);
    writeFileSync(path.join(dir, "zhenan.txt"), readFileSync("prisma/reports/zhenan.txt"));
    const expected = JSON.parse(JSON.stringify(extractReport(readFileSync("prisma/reports/zhenan.txt"), { fileName: "zhenan.txt" })));
    try {
      for (const damaged of [cache, cache.subarray(0, cache.length >> 1), Buffer.alloc(cache.length, 7), undefined]) {
        if (damaged) writeFileSync(cacheFile, damaged);
        else rmSync(cacheFile);
        const result = await atlas(["extract", "zhenan.txt"]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual(expected);
      }
    } finally {
      writeFileSync(cacheFile, cache);
    }
  });

  it("extract of a report past the size run without V8's optimizing compiler gives the same JSON", async () => {
    // linfen.txt's body repeated to ≈300 KB: extract turns the optimizing compiler back on (COLD_REPORT_BYTES).
    const report = readFileSync("prisma/reports/linfen.txt", "utf8");
    const large = report + "\n" + report.split("\n").slice(3).join("\n").repeat(Math.ceil(300_000 / report.length));
    writeFileSync(path.join(dir, "large.txt"), large);
    const result = await atlas(["extract", "large.txt"]);
    expect(result.code).toBe(0);
    expect(Buffer.byteLength(large)).toBeGreaterThan(256 * 1024);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(extractReport(Buffer.from(large), { fileName: "large.txt" }))));
  });

  it("extract stops quietly (exit 0, nothing on stderr) when its reader closes the pipe early", async () => {
    writeFileSync(path.join(dir, "linfen.txt"), readFileSync("prisma/reports/linfen.txt"));
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(bin, ["extract", "linfen.txt"], { cwd: dir });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.stdout.once("data", () => child.stdout.destroy()); // `atlas extract linfen.txt | head -c 100`
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    expect(outcome).toEqual({ code: 0, stderr: "" });
  });

  it("rebuilds itself when a source file it was built from changes", async () => {
    const source = "scripts/cli/command.ts";
    expect(manifest().inputs).toHaveProperty([source]);
    const before = manifest().build;
    const { atime } = statSync(source);
    utimesSync(source, atime, new Date()); // same content, a new time: the launcher cannot tell it was not edited
    const result = await atlas(["--help"]);
    expect(result.code).toBe(0);
    expect(manifest().build).not.toBe(before);
  });
});
