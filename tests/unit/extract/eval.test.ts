// Extraction quality on the five hand-annotated reports: F1 ≥ 0.95 for each headline metric, and the annotated
// scopes and restatements found.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HEADLINE_METRICS, scoreReport, totalScore, type GoldReport } from "../../../lib/extract/evaluate";
import { extractReport } from "../../../lib/pipeline";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NAMES = ["zhenan", "macheng", "haixi", "linfen", "shanwei"];
const runs = NAMES.map((name) => {
  const gold: GoldReport = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures", `${name}.gold.json`), "utf8"));
  const result = extractReport(readFileSync(path.join(ROOT, "prisma/reports", `${name}.txt`)));
  return { name, gold, result, score: scoreReport(name, result.facts, gold.facts) };
});

describe("evaluation against the gold fixtures", () => {
  const total = totalScore(runs.map((r) => r.score));
  it.each(HEADLINE_METRICS)("%s reaches F1 ≥ 0.95 over the five reports", (metric) => {
    expect(total.metrics[metric].f1).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the annotated scopes and restatements", () => {
    for (const { gold, result } of runs) {
      for (const entry of gold.facts.filter((g) => !g.optional && (g.scope || g.restates))) {
        const fact = result.facts.find((f) => f.metric === entry.metric && f.value === entry.value && f.quote.normalize("NFKC").includes(entry.sentenceContains.normalize("NFKC")));
        expect(fact, `${gold.report} ${entry.figure}`).toBeDefined();
        if (entry.scope) expect(fact!.scope).toEqual({ type: entry.scope.type, name: entry.scope.name ?? null });
        if (entry.restates) expect(fact!.restates).not.toBeNull();
      }
    }
  });

  it("marks region-wide figures with a region scope", () => {
    const linfen = runs.find((r) => r.name === "linfen")!.result;
    expect(linfen.facts.find((f) => f.value === 37000 && f.approx === "at_least")?.scope).toEqual({ type: "region", name: null });
  });
});

describe("scoreReport", () => {
  const fact = { metric: "branches" as const, subject: "临时党支部", value: 68, unit: "个", approx: "exact" as const, quote: "成立临时党支部68个。", sentence: 0, start: 7, end: 10, figure: "68个", kind: "temporary", scope: { type: "region" as const, name: null }, partOf: null, restates: null };
  const gold = { metric: "branches" as const, kind: "temporary", value: 68, figure: "68个", subject: "临时党支部", sentenceContains: "临时党支部68个" };

  it("matches by metric, value and sentence", () => {
    expect(scoreReport("x", [fact], [gold]).overall).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(scoreReport("x", [{ ...fact, metric: "teams" }], [gold]).overall).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(scoreReport("x", [{ ...fact, value: 69 }], [gold]).overall).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it("counts a wrong kind against the kind, not the family, and lists it as a confusion", () => {
    const score = scoreReport("x", [{ ...fact, kind: "grassroots" }], [gold]);
    expect(score.overall).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score.kinds["branches/temporary"]).toMatchObject({ tp: 0, fn: 1 });
    expect(score.kinds["branches/grassroots"]).toMatchObject({ fp: 1 });
    expect(score.confusions).toHaveLength(1);
  });

  it("scores scope accuracy on matched figures", () => {
    expect(scoreReport("x", [fact], [{ ...gold, scope: { type: "unit", name: "市医院" } }]).scope).toEqual({ correct: 0, total: 1 });
    expect(scoreReport("x", [fact], [{ ...gold, scope: { type: "region" } }]).scope).toEqual({ correct: 1, total: 1 });
  });

  it("neither rewards nor punishes optional entries", () => {
    expect(scoreReport("x", [fact], [{ ...gold, optional: true }]).overall).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(scoreReport("x", [], [{ ...gold, optional: true }]).overall).toMatchObject({ tp: 0, fp: 0, fn: 0 });
  });
});

describe("held-out reports (tests/fixtures/heldout)", () => {
  const dir = path.join(ROOT, "tests/fixtures/heldout");
  const names = ["langao", "xixiang", "suizhou"];
  const scores = names.map((name) => {
    const gold: GoldReport = JSON.parse(readFileSync(path.join(dir, `${name}.gold.json`), "utf8"));
    return scoreReport(name, extractReport(readFileSync(path.join(dir, `${name}.txt`))).facts, gold.facts);
  });
  const total = totalScore(scores);
  it.each(HEADLINE_METRICS)("%s reaches precision ≥ 0.97 and F1 ≥ 0.95", (metric) => {
    expect(total.metrics[metric].precision).toBeGreaterThanOrEqual(0.97);
    expect(total.metrics[metric].f1).toBeGreaterThanOrEqual(0.95);
  });
  it("scopes at least 95% of the matched figures right", () => {
    expect(total.scope.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
