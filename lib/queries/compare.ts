// Data for /compare: two regions side by side, their figures aligned by family, kind and scope (临时火线党支部 next
// to 临时党支部). Figures of a sub-region, a unit or per unit form rows of their own, never summed into others.
import { db } from "../db/client";
import { cachedByDataVersion } from "./cache";
import { HEADLINE_METRICS, kindsOf, type HeadlineMetric } from "../dashboard/metrics";
import { shownFacts } from "../dashboard/charts";
import type { FactScope, Metric, RegionLevel } from "../extract/types";
import { headlinesOf, regionFacts } from "./region";
import { normalizeQuery, rankedRegions, type RegionResult } from "./search";
import { regionName } from "../dashboard/i18n";
import { regionHeaderSelect, toRegionHeader, reportSummarySelect, toReportSummary, type FactView, type RegionHeader, type ReportSummary } from "./shared";

export interface ComparisonSide {
  region: RegionHeader;
  reports: ReportSummary[];
  headlines: Record<HeadlineMetric, FactView | null>;
}

export interface AlignedRow {
  key: string;
  metric: string;
  kind: string; // rows align by family, kind and scope, never by label text
  scope: FactScope;
  a: FactView | null; // the largest figure of this kind and scope in region a
  b: FactView | null;
  others: FactView[]; // further figures of the same kind and scope (smaller mentions, parts), of either region
  othersOf: { a: FactView[]; b: FactView[] }; // the same, by region
}

export interface RegionComparison {
  a: ComparisonSide;
  b: ComparisonSide;
  metrics: Record<HeadlineMetric, AlignedRow[]>;
}

/** A region the pickers can name. */
export interface RegionChoice {
  slug: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  province: string;
}

/** What a picker's text names: one region, none, or several to choose from. */
export type RegionPick =
  | { region: RegionChoice }
  | { unknown: string }
  | { ambiguous: string; candidates: RegionChoice[] };

async function side(slug: string): Promise<{ side: ComparisonSide; facts: FactView[] } | null> {
  const region = await db().region.findUnique({
    where: { slug },
    select: {
      id: true,
      ...regionHeaderSelect,
      reports: { select: reportSummarySelect, orderBy: { id: "asc" } },
      headlines: { select: { metric: true, factId: true } },
    },
  });
  if (!region) return null;
  const facts = await regionFacts(region.id);
  const { id: _id, reports, headlines, ...header } = region;
  return { side: { region: toRegionHeader(header), reports: reports.map(toReportSummary), headlines: headlinesOf(headlines, facts) }, facts };
}

function rowKey(fact: FactView): string {
  return `${fact.metric}\u0000${fact.kind}\u0000${fact.scope.type}\u0000${fact.scope.name ?? ""}`;
}

/**
 * Two regions' figures aligned by family, kind and scope (临时火线党支部 beside 临时党支部; a hospital's figure
 * never beside a county's). Each figure appears once, as on the region page (shownFacts: restatements left out).
 */
export function alignByKind(aFacts: readonly FactView[], bFacts: readonly FactView[]): AlignedRow[] {
  const rows = new Map<string, AlignedRow>();
  const place = (fact: FactView, which: "a" | "b") => {
    const key = rowKey(fact);
    const row = rows.get(key) ?? { key, metric: fact.metric, kind: fact.kind, scope: fact.scope, a: null, b: null, others: [], othersOf: { a: [], b: [] } };
    rows.set(key, row);
    const current = row[which];
    // A part (其中…) is never preferred to a total.
    const better = !current || (current.partOf !== null && fact.partOf === null) || ((current.partOf === null) === (fact.partOf === null) && fact.value > current.value);
    const other = better ? current : fact;
    if (better) row[which] = fact;
    if (other) {
      row.others.push(other);
      row.othersOf[which].push(other);
    }
  };
  shownFacts(aFacts).forEach((fact) => place(fact, "a"));
  shownFacts(bFacts).forEach((fact) => place(fact, "b"));
  const largest = (row: AlignedRow) => Math.max(row.a?.value ?? 0, row.b?.value ?? 0);
  const kindRank = (row: AlignedRow) => kindsOf(row.metric as Metric).findIndex((k) => k.id === row.kind);
  // Region-wide rows first, then scoped ones; within each, rows both regions report first, then by kind and size.
  return [...rows.values()].sort(
    (x, y) =>
      Number(x.scope.type !== "region") - Number(y.scope.type !== "region") ||
      Number(!(x.a && x.b)) - Number(!(y.a && y.b)) ||
      kindRank(x) - kindRank(y) ||
      largest(y) - largest(x),
  );
}

async function loadRegionComparison(aSlug: string, bSlug: string): Promise<RegionComparison | null> {
  const [a, b] = await Promise.all([side(aSlug), side(bSlug)]);
  if (!a || !b) return null;
  const metrics = Object.fromEntries(
    HEADLINE_METRICS.map((metric) => [
      metric,
      alignByKind(a.facts.filter((fact) => fact.metric === metric), b.facts.filter((fact) => fact.metric === metric)),
    ]),
  ) as Record<HeadlineMetric, AlignedRow[]>;
  return { a: a.side, b: b.side, metrics };
}

const choiceSelect = { slug: true, name: true, nameEn: true, level: true, province: true } as const;

/**
 * The region a picker's text names: a slug (what the pickers submit), or a name as readers type it (simplified or
 * traditional, short or full, pinyin, the English name with its level) when it names one region with reports.
 * The pickers never list every region: at national scale that was two thousand options twice in every page.
 */
export async function pickRegion(text: string): Promise<RegionPick> {
  const trimmed = text.trim().slice(0, 100);
  if (!trimmed) return { unknown: text };
  const bySlug = await db().region.findFirst({ where: { slug: trimmed, reports: { some: {} } }, select: choiceSelect });
  if (bySlug) return { region: bySlug };
  // "Linfen (prefecture-level city)": the level in brackets is how English pages write names.
  const ranked = (await rankedRegions(normalizeQuery(trimmed.replace(/\s*[(（][^)）]*[)）]$/, "")))).filter((entry) => entry.result.slug !== null);
  const choice = ({ result }: (typeof ranked)[number]) => toChoice(result);
  const exact = ranked.filter((entry) => entry.rank === 0);
  if (exact.length === 1) return { region: choice(exact[0]) };
  if (exact.length === 0 && ranked.length === 1) return { region: choice(ranked[0]) };
  if (ranked.length === 0) return { unknown: trimmed };
  return { ambiguous: trimmed, candidates: (exact.length ? exact : ranked).slice(0, 8).map(choice) };
}

/** Regions with reports whose names match what a picker holds so far, for its suggestions. */
export async function regionSuggestions(text: string): Promise<RegionChoice[]> {
  const query = normalizeQuery(text);
  if (!query.text) return [];
  return (await rankedRegions(query))
    .filter((entry) => entry.result.slug !== null)
    .slice(0, 10)
    .map(({ result }) => toChoice(result));
}

/** A search result with a page (slug not null) as a picker's choice. */
function toChoice(result: RegionResult): RegionChoice {
  return { slug: result.slug!, name: result.name, nameEn: result.nameEn, level: result.level, province: result.province };
}

/** Why a picker's text was not used. */
export type PairProblem = { kind: "unknown"; text: string } | { kind: "ambiguous"; text: string; candidates: RegionChoice[] } | { kind: "same" };

export interface PairRequest {
  a?: string; // what each picker holds: a slug, or a name as typed
  b?: string;
  a0?: string; // the slug each picker showed (or last chose): its name, resubmitted unchanged, means that region
  b0?: string;
}

export interface ResolvedPair {
  a?: RegionChoice;
  b?: RegionChoice;
  problems: PairProblem[];
  /** The request named its regions other than by slugs (a form, a typed name): /compare?a=<slug>&b=<slug> is where it belongs. */
  redirect: boolean;
}

/** The two regions a /compare request asks for, falling back to the default pair for what it does not name. */
async function loadComparePair(request: PairRequest): Promise<ResolvedPair> {
  const problems: PairProblem[] = [];
  let bySlugs = request.a0 === undefined && request.b0 === undefined;
  const side = async (text: string | undefined, shown: string | undefined): Promise<RegionChoice | undefined> => {
    if (!text?.trim()) return undefined;
    if (shown) {
      const previous = await pickRegion(shown);
      if ("region" in previous) {
        const region = previous.region;
        if ([region.slug, region.name, regionName(region, "zh"), regionName(region, "en")].includes(text.trim())) return region;
      }
    }
    const pick = await pickRegion(text);
    if ("region" in pick) {
      if (pick.region.slug !== text) bySlugs = false;
      return pick.region;
    }
    problems.push("unknown" in pick ? { kind: "unknown", text: pick.unknown } : { kind: "ambiguous", text: pick.ambiguous, candidates: pick.candidates });
    return undefined;
  };
  let [a, b] = await Promise.all([side(request.a, request.a0), side(request.b, request.b0)]);
  if (a && b && a.slug === b.slug) {
    problems.push({ kind: "same" });
    b = undefined;
  }
  if (!a || !b) {
    const defaults = await defaultPair();
    a ??= defaults.find((region) => region.slug !== b?.slug);
    b ??= defaults.find((region) => region.slug !== a?.slug);
  }
  return { a, b, problems, redirect: !bySlugs && problems.length === 0 && Boolean(a && b) };
}

/** The pair /compare shows when none is asked for: the first two regions with reports, by slug. */
async function loadDefaultPair(): Promise<RegionChoice[]> {
  return db().region.findMany({ where: { reports: { some: {} } }, select: choiceSelect, orderBy: { slug: "asc" }, take: 2 });
}

export const regionComparison = cachedByDataVersion("regionComparison", loadRegionComparison);

export const defaultPair = cachedByDataVersion("defaultPair", loadDefaultPair);

// Kept per data version like the rest: the page's title and its body resolve the same request.
export const comparePair = cachedByDataVersion("comparePair", loadComparePair);
