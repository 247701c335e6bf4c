// The CLI contract of `npm run extract`: one JSON document on stdout; bad input exits non-zero with one stderr line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/.bin/tsx", "scripts/extract.ts", ...args], { cwd: ROOT, encoding: "utf8" });

describe("scripts/extract.ts", () => {
  it("prints one ExtractionResult as JSON", () => {
    const { status, stdout, stderr } = run("prisma/reports/zhenan.txt");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of ["region", "title", "publishedAt", "outlet", "authors", "encoding", "text", "repairs", "sentences", "facts"]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.region).toMatchObject({ name: "镇安县", slug: "zhenan", nameEn: "Zhen'an County", province: "陕西省", level: "county" });
    for (const fact of result.facts) {
      expect(result.text.slice(fact.start, fact.end)).toBe(fact.figure);
      expect(result.sentences[fact.sentence].text).toBe(fact.quote);
      expect(fact.quote).toContain(fact.figure);
    }
    expect(result.facts.some((f: { metric: string; value: number }) => f.metric === "branches" && f.value === 68)).toBe(true);
  });

  it("takes --region", () => {
    const { status, stdout } = run("prisma/reports/zhenan.txt", "--region", "商洛市");
    expect(status).toBe(0);
    expect(JSON.parse(stdout).region.slug).toBe("shangluo");
  });

  const dir = mkdtempSync(path.join(tmpdir(), "extract-cli-"));
  const file = (name: string, content: string | Uint8Array) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };

  it.each([
    ["a missing file", () => path.join(dir, "missing.txt")],
    ["an empty file", () => file("empty.txt", "")],
    ["a binary file", () => file("binary.bin", Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256))],
    ["text that is not Chinese", () => file("english.txt", "This report is written in English and has no Chinese at all.\n".repeat(20))],
  ])("rejects %s with exit code 2 and one line on stderr", (_, input) => {
    const { status, stdout, stderr } = run(input());
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^extract: /);
  });

  it("rejects a call without a file", () => {
    const { status, stdout, stderr } = run();
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
