// Report metadata: the region the report is about, publication date, outlet, authors, editor and title. Reads the
// page chrome the text stage removed (date and source lines, bylines) and the head and tail of the clean text.
import type { ChromeLine, PreparedText } from "../text/types";
import { findKnownRegion, levelFromSuffix, nameSuffix, unknownRegion, type KnownRegion } from "./regions";
import { findPlaceMentions } from "./scope";

export interface ReportMetadata {
  region: KnownRegion;
  title: string;
  publishedAt: string | null;
  outlet: string | null;
  authors: string[];
  editor: string | null;
}

const MAX_TITLE = 40;
const HEAD_CHARS = 120; // mentions this close to the start (headline, dateline) count double
const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const SOURCE = /(?:来源|來源|稿源|出处)\s*[:：]\s*([^\s|｜,，]{2,20})/;
const EDITOR = /(?:责任编辑|责编|编辑)\s*[:：]\s*([\u4e00-\u9fa5·]{2,4})/;
const NEWS_PREFIX = /^\s*([\u4e00-\u9fa5]{2,12}?)讯(?=[\s(（]|$)/;
const CONTRIBUTOR = /[(（]\s*([\u4e00-\u9fa5]{2,12})供稿\s*[)）]\s*$/;
const REPORTER = /[(（]\s*(?:记者|通讯员|特约记者|文\/图|文|图)[\s:：]*([\u4e00-\u9fa5·\s、，,]{2,40}?)\s*[)）]/;
const NAME_GROUP = /[(（]([\u4e00-\u9fa5·\s、，,]{2,40})[)）]\s*$/;
const POSITION = /(记者|通讯员|部长|书记|主任|委员|常委|局长|县长|市长|州长|区长|主席|社长|总编)/;
const NOT_A_NAME = /(供稿|社区|小区|街道|乡镇|村|片区|其中|记者|通讯员|单位|组织|部门)/;
const TEMPORAL_CLAUSE = /(以来|以后|之后|期间|之际|当前|目前|以前)$/;
const SENTENCE_END = /[。！？；…]$/;

const lines = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter(Boolean);

/** Chrome lines worth reading for metadata (link farms and share counters are noise). */
function chromeTexts(chrome: ChromeLine[]): string[] {
  return chrome.filter((c) => c.kind !== "link-farm" && c.kind !== "social" && c.kind !== "counter").map((c) => c.text.trim());
}

/** Short lines at the top and bottom of the clean text: where datelines, sources and bylines sit when not chrome. */
function edgeLines(clean: string): string[] {
  const all = lines(clean);
  return [...all.slice(0, 8), ...all.slice(-5)].filter((l) => l.length <= 60);
}

function splitNames(text: string): string[] {
  return text
    .split(/[\s、，,]+/)
    .map((n) => n.trim())
    .filter((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n) && !NOT_A_NAME.test(n));
}

// ---- region ------------------------------------------------------------------------------------------------------

/**
 * Scores every region the text names: one point a mention (a province half, as reports name their province in
 * passing), double near the start, plus half a point for each 全市/全县/全州 whose suffix the name shares, because
 * a report says 全市 about its own city. Unknown places (X县, X市) compete through the same general rule as scopes.
 */
export function detectRegion(prepared: PreparedText): KnownRegion {
  const text = [...chromeTexts(prepared.chrome).filter((l) => l.length <= 60), prepared.clean].join("\n");
  const scores = new Map<string, { region: KnownRegion; score: number }>();
  const markerCounts = new Map<string, number>();
  for (const { start, end, region } of findPlaceMentions(text, true)) {
    if (region === null) {
      const suffix = text[end - 1];
      markerCounts.set(suffix, (markerCounts.get(suffix) ?? 0) + 1);
      continue;
    }
    if (region.tier < 2) continue; // towns are never what a report is about here
    const entry = scores.get(region.name) ?? { region, score: 0 };
    entry.score += (region.level === "province" ? 0.5 : 1) * (start < HEAD_CHARS ? 2 : 1);
    scores.set(region.name, entry);
  }
  let best: { region: KnownRegion; score: number } | null = null;
  for (const entry of scores.values()) {
    const score = entry.score + 0.5 * (markerCounts.get(nameSuffix(entry.region.name)) ?? 0);
    if (!best || score > best.score || (score === best.score && entry.region.tier > best.region.tier)) best = { region: entry.region, score };
  }
  return best?.region ?? unnamedRegion(markerCounts);
}

/** A report that names no region: level from its most frequent 全X marker (全县 → county), slug "unknown". */
function unnamedRegion(markerCounts: Map<string, number>): KnownRegion {
  const [suffix] = [...markerCounts].sort((a, b) => b[1] - a[1])[0] ?? ["县"];
  const { level, tier } = levelFromSuffix(suffix);
  return { name: "未知地区", short: "", slug: "unknown", nameEn: "Unknown", province: "", level, tier };
}

/** The region named by --region: from the table when known, else as given with a level guessed from its suffix. */
export function regionFromName(name: string): KnownRegion {
  return findKnownRegion(name.trim()) ?? unknownRegion(name.trim());
}

// ---- date, outlet, people ----------------------------------------------------------------------------------------

export function detectPublishedAt(prepared: PreparedText): string | null {
  for (const line of [...chromeTexts(prepared.chrome), ...edgeLines(prepared.clean)]) {
    const m = line.match(DATE);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return null;
}

const DATELINE_OUTLET = /^(?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+([\u4e00-\u9fa5]{2,15})$/;

/** An outlet's name as a chrome line may carry it: 来源:乡村干部报, 汕尾日报讯 (记者 钟佳韦), 中国发展网. */
function outletName(line: string): string | null {
  const source = line.match(SOURCE);
  if (source) return source[1];
  const lead = line.match(NEWS_PREFIX);
  // 本报讯 says "our paper", naming none.
  if (lead) return /^本(报|台|网|刊)/.test(lead[1]) ? null : lead[1];
  const name = line.replace(/[(（][^()（）]*[)）]/g, "").trim();
  return /^[\u4e00-\u9fa5]{2,15}$/.test(name) ? name : null;
}

/**
 * The outlet: a source line (来源:…), the page's outlet line, the outlet after a dateline (2020-02-16 中国发展网), a
 * leading X讯 (汕尾日报讯), or a trailing (X供稿).
 */
export function detectOutlet(prepared: PreparedText): string | null {
  const chrome = chromeTexts(prepared.chrome);
  const candidates = [...chrome, ...edgeLines(prepared.clean)];
  for (const line of candidates) {
    const source = line.match(SOURCE);
    if (source) return source[1];
  }
  for (const line of prepared.chrome) {
    const name = line.kind === "outlet" ? outletName(line.text.trim()) : null;
    if (name) return name;
  }
  for (const line of candidates) {
    const m = line.match(DATELINE_OUTLET);
    if (m) return m[1];
  }
  for (const line of [...chrome, prepared.clean.trimStart()]) {
    const lead = line.match(NEWS_PREFIX);
    if (lead) return outletName(lead[0]);
  }
  for (const line of [...chrome, prepared.clean.trimEnd()]) {
    const tail = line.match(CONTRIBUTOR);
    if (tail) return tail[1];
  }
  return null;
}

export function detectEditor(prepared: PreparedText): string | null {
  for (const line of [...chromeTexts(prepared.chrome), ...edgeLines(prepared.clean)]) {
    const m = line.match(EDITOR);
    if (m) return m[1];
  }
  return null;
}

export function detectAuthors(prepared: PreparedText): string[] {
  const authors: string[] = [];
  const add = (names: string[]) => names.forEach((n) => authors.includes(n) || authors.push(n));
  const chrome = chromeTexts(prepared.chrome);
  const head = prepared.clean.slice(0, 200);
  const reporter = [...chrome, head].map((t) => t.match(REPORTER)).find(Boolean);
  if (reporter) add(splitNames(reporter[1]));
  // A trailing (王瑞琪 李辉) closes the article, before any editor line; the text stage may have moved it to chrome.
  const body = lines(prepared.clean).filter((l) => !EDITOR.test(l));
  const bylines = prepared.chrome.filter((c) => c.kind === "byline").map((c) => c.text.trim());
  for (const line of [...body.slice(-3), ...bylines]) {
    const group = line.match(NAME_GROUP);
    if (group && !NOT_A_NAME.test(group[1])) add(splitNames(group[1]));
  }
  // A byline with a position: 青海省海西州委常委、组织部长 王润宇.
  for (const line of [...chrome.filter((l) => l.length <= 40), ...lines(prepared.clean).slice(0, 12).filter((l) => l.length <= 40)]) {
    const m = line.match(/^(.{2,30})\s+([\u4e00-\u9fa5]{2,3})$/);
    if (m && POSITION.test(m[1]) && !EDITOR.test(line)) add([m[2]]);
  }
  return authors;
}

// ---- title -------------------------------------------------------------------------------------------------------

/** Page furniture that may precede a headline in the clean text: the outlet's name, datelines, source lines. */
function isFurniture(line: string, outlet: string | null): boolean {
  return (outlet !== null && line === outlet) || DATE.test(line) || SOURCE.test(line) || EDITOR.test(line) || !/[\u4e00-\u9fa5]{4}/.test(line);
}

function looksLikeHeadline(line: string): boolean {
  return line.length >= 6 && line.length <= 60 && !SENTENCE_END.test(line) && !NEWS_PREFIX.test(line);
}

/** The headline when the text starts with one, else the region and the report's first substantive clause. */
export function detectTitle(prepared: PreparedText, region: KnownRegion, outlet: string | null): string {
  const headline = prepared.chrome.find((c) => c.kind === "title" || c.kind === "headline");
  if (headline) return headline.text.trim();
  const all = lines(prepared.clean);
  const first = all.findIndex((l) => !isFurniture(l, outlet));
  if (first >= 0 && first < all.length - 1 && looksLikeHeadline(all[first])) return all[first];
  const opening = (all.find((l) => l.length > 20) ?? all[0] ?? "")
    .replace(NEWS_PREFIX, "")
    .replace(/^\s*[(（][^()（）]{0,20}[)）]/, "")
    .trim();
  const clauses = opening.split(/[，,。；;：:！？]/).map((c) => c.trim()).filter(Boolean);
  const clause = clauses.find((c) => !TEMPORAL_CLAUSE.test(c) && c.length >= 4) ?? clauses[0] ?? "";
  const named = clause.includes(region.name) || (region.short.length >= 2 && clause.includes(region.short));
  const title = named ? clause : `${region.name} ${clause}`;
  return title.length > MAX_TITLE ? title.slice(0, MAX_TITLE - 1) + "…" : title;
}

export function extractMetadata(prepared: PreparedText, options: { region?: string } = {}): ReportMetadata {
  const region = options.region ? regionFromName(options.region) : detectRegion(prepared);
  const outlet = detectOutlet(prepared);
  return {
    region,
    title: detectTitle(prepared, region, outlet),
    publishedAt: detectPublishedAt(prepared),
    outlet,
    authors: detectAuthors(prepared),
    editor: detectEditor(prepared),
  };
}
