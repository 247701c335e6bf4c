// Report metadata: the region the report is about, publication date (with its precision) and period, outlet,
// authors, editor and headline. Reads the page chrome the text stage removed (date and source lines, bylines) and
// the head and tail of the clean text, telling page furniture (breadcrumbs, site names, photo credits, footers) from
// the article's own headline.
import type { ChromeLine, PreparedText } from "../text/types";
import periodData from "./data/periods.json" with { type: "json" };
import { NOT_OUTLET_LINE, OUTLET_SUFFIX, PAGE_LINE_PATTERNS, type PageLineKind } from "./data/page-lines";
import { findDates, periodOfDate, toPartialDate, type DatePrecision, type FoundDate, type PartialDate, type PeriodBasis } from "./dates";
import { decideRegion, regionFromName } from "./region-detection";
import type { KnownRegion } from "./regions";
import type { RegionCandidate } from "./types";

export interface ReportMetadata {
  /** The decided region, or (when regionCandidates is set) the likeliest one, which nothing may be stored under. */
  region: KnownRegion;
  regionCandidates: RegionCandidate[] | null;
  title: string | null; // the article's own headline; null when the text has none
  publishedAt: string | null; // 2020-02-16, 2020-02 or 2020, as precise as the text says
  datePrecision: DatePrecision | null;
  period: string | null; // 2020-Q1, 2022
  periodBasis: PeriodBasis | null; // published: from the date; inferred: from what the report cites
  outlet: string | null;
  authors: string[];
  editor: string | null;
}

const HEAD_LINES = 15; // the headline sits among the first lines, before the first paragraph
const MIN_TITLE = 5;
const MAX_TITLE = 80;
const SOURCE = /(?:来源|稿源|出处)\s*[:：]\s*([^\s|｜,，:：]{2,24})/;
const EDITOR = /(?:责任编辑|责编|编辑)\s*[:：]\s*([\u4e00-\u9fa5·]{2,4})/;
const REPORTER = /[(（]\s*(?:记者|通讯员|特约记者|文\/图|文|图)[\s:：]*([\u4e00-\u9fa5·\s、，,]{2,40}?)\s*[)）]/;
const NAME_GROUP = /[(（]([\u4e00-\u9fa5·\s、，,]{2,40})[)）]\s*$/;
const POSITION = /(记者|通讯员|部长|书记|主任|委员|常委|局长|县长|市长|州长|区长|主席|社长|总编)/;
const NOT_A_NAME = /(供稿|社区|小区|街道|乡镇|村|片区|其中|记者|通讯员|单位|组织|部门)/;
// A dateline opens the first paragraph: 本报讯, 本报麻城2月10日讯, 临汾新闻网讯, 新华社武汉2月10日电.
const DATELINE = new RegExp(`^[【\\[]?\\s*(本报|本台|本网|本刊|[\\u4e00-\\u9fa5]{1,12}?${OUTLET_SUFFIX})(?:记者|通讯员)?\\s*([^讯电\\s，,。(（]{0,16}?)\\s*(讯|电)(?=[\\s(（【\\]】]|$|[\\u4e00-\\u9fa5\\d])`);
const PAPER_NAME = /《([\u4e00-\u9fa5]{2,12}(?:日报|晚报|时报|早报|报))》/;
const DATE_THEN_OUTLET = /^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+([\u4e00-\u9fa5]{2,15})$/;
const SENTENCE_END = /[。！？；…，,]$/;
const NUMBERED_SECTION = /^([一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]+[)）])/;
const SITE_SUFFIX = /\s*[_|｜]\s*[^_|｜]{2,30}$|\s+[-–—]{1,2}\s*[^-–—]{2,20}(网|网站|门户|政府|日报|报|中心|平台)$/;

const lines = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
const hanCount = (text: string) => (text.match(/[\u4e00-\u9fa5]/g) ?? []).length;

/** Chrome lines worth reading for metadata (link farms and share counters are noise). */
function chromeTexts(chrome: ChromeLine[]): string[] {
  return chrome.filter((c) => c.kind !== "link-farm" && c.kind !== "social" && c.kind !== "counter").map((c) => c.text.trim());
}

function splitNames(text: string): string[] {
  return text
    .split(/[\s、，,]+/)
    .map((n) => n.trim())
    .filter((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n) && !NOT_A_NAME.test(n));
}

// ---- region ------------------------------------------------------------------------------------------------------

export { detectRegion, regionFromName } from "./region-detection";

// ---- the head of the article: furniture, headline, first paragraph ---------------------------------------------

/** What a line of page furniture is (breadcrumb, site name, photo credit, footer, date or source line, byline). */
export function pageLineKind(line: string): PageLineKind | null {
  for (const { kind, pattern } of PAGE_LINE_PATTERNS) if (pattern.test(line)) return kind;
  return null;
}

/** A line that carries no article text: furniture, a date, a line with hardly any Chinese. */
function isFurniture(line: string): boolean {
  if (pageLineKind(line) !== null || hanCount(line) < 4) return true;
  const dates = findDates(line);
  // A date line: what is left besides its dates is short (2020-03-13 09:14:00 乡村干部报).
  return dates.length > 0 && hanCount(dates.reduceRight((rest, d) => rest.slice(0, d.index) + rest.slice(d.end), line)) <= 12 && !SENTENCE_END.test(line);
}

/** A line shaped like a headline: short, not a sentence, not a dateline, not a numbered section. */
function isHeadlineShaped(line: string): boolean {
  return (
    line.length >= MIN_TITLE && line.length <= MAX_TITLE && !SENTENCE_END.test(line) && !/[。！？]/.test(line) &&
    !DATELINE.test(line) && !NUMBERED_SECTION.test(line) && !(line.length > 40 && /[，,；;]/.test(line))
  );
}

export interface ArticleHead {
  title: string | null;
  /** Furniture above and around the headline, in order: where dates, sources and mastheads sit. */
  headerLines: string[];
  /** The first paragraph (it may open with a dateline), or null. */
  firstParagraph: string | null;
}

/** A headline as pages wrap it: without a trailing site name (…_某某县人民政府网, … - 某某新闻网). */
function cleanHeadline(line: string): string {
  const stripped = line.replace(SITE_SUFFIX, "").trim();
  return hanCount(stripped) >= 4 ? stripped : line;
}

/**
 * Walks the first lines: furniture is kept as header lines; the first headline-shaped line before any paragraph is
 * the headline (a following ——subtitle joins it); the first paragraph ends the head. Text that opens with its
 * first paragraph has no headline: its first sentence is never taken for one.
 */
export function readArticleHead(prepared: PreparedText): ArticleHead {
  const headline = prepared.chrome.find((c) => c.kind === "title" || c.kind === "headline");
  let title: string | null = headline ? cleanHeadline(headline.text.trim()) : null;
  const headerLines: string[] = [];
  for (const { text, furniture } of topLines(prepared)) {
    if (furniture || isFurniture(text)) headerLines.push(text);
    else if (title !== null && /^[—─-]{1,2}/.test(text) && text.length <= MAX_TITLE) title = `${title} ${text}`;
    else if (isHeadlineShaped(text)) {
      if (title === null) title = cleanHeadline(text);
      else headerLines.push(text); // a byline with a position, a subheading
    } else return { title, headerLines, firstParagraph: text };
  }
  return { title, headerLines, firstParagraph: null };
}

/**
 * The first lines of the page in their order, the chrome the text stage removed among them. A removed "masthead"
 * that is no site name by the stricter rules here (党建引领织密疫情防控网 ends in 网 too) is read like any line.
 */
function topLines(prepared: PreparedText): { text: string; furniture: boolean }[] {
  const found: { raw: number; text: string; furniture: boolean }[] = [];
  const clean = prepared.clean;
  for (const match of clean.matchAll(/[^\n]+/g)) {
    const text = match[0].trim();
    if (text) found.push({ raw: prepared.cleanToRaw[match.index] ?? 0, text, furniture: false });
    if (found.length >= HEAD_LINES) break;
  }
  for (const line of prepared.chrome) {
    if (line.kind === "link-farm" || line.kind === "social" || line.kind === "counter") continue;
    const text = line.text.trim();
    found.push({ raw: line.rawStart, text, furniture: line.kind !== "outlet" || pageLineKind(text) !== null });
  }
  return found.sort((a, b) => a.raw - b.raw).slice(0, HEAD_LINES);
}

/** Short lines closing the text: a signature date, a source, an editor. */
function tailLines(prepared: PreparedText): string[] {
  return lines(prepared.clean).slice(-4).filter((l) => l.length <= 40 && !/[。！？]/.test(l.slice(0, -1)));
}

// ---- date and period ---------------------------------------------------------------------------------------------

export interface DateReading {
  date: PartialDate | null;
  period: string | null;
  periodBasis: PeriodBasis | null;
}

/** The dateline's month and day (本报麻城2月10日讯): written before its 讯 or 电. */
function datelineDate(paragraph: string | null): FoundDate | null {
  const m = paragraph?.match(DATELINE);
  if (!m) return null;
  return findDates(m[0])[0] ?? null;
}

/** The one year the text writes in full (2020年, 2020-02), if it writes exactly one from 2019 on. */
function contextYear(text: string): number | null {
  const years = new Set(findDates(text).map((d) => d.year).filter((y): y is number => y !== null && y >= 2019));
  return years.size === 1 ? [...years][0] : null;
}

/**
 * The period a report without a date was written in, from what it cites (data/periods.json); null unless some clue
 * matches. Clues give the earliest time a report citing them can be from, so the latest matching one wins.
 */
export function inferPeriod(text: string): string | null {
  let best: { period: string; start: number; narrow: boolean } | null = null;
  for (const clue of periodData.clues) {
    if (!clue.requires.every((group) => group.some((word) => text.includes(word)))) continue;
    const [year, quarter] = clue.period.split("-Q").map(Number);
    const candidate = { period: clue.period, start: year * 10 + (quarter || 1), narrow: Boolean(quarter) };
    if (!best || candidate.start > best.start || (candidate.start === best.start && candidate.narrow && !best.narrow)) best = candidate;
  }
  return best?.period ?? null;
}

/**
 * The publication date from the page's header lines and chrome (2020-03-13 09:14:00, 发布时间：…), the dateline
 * (本报麻城2月10日讯, the year from the text), or a signature date closing the text (二〇二〇年二月十六日); never a
 * date the body mentions as an event. Without any, the period is inferred from content when a clue says so.
 */
export function detectDate(prepared: PreparedText, head: ArticleHead = readArticleHead(prepared)): DateReading {
  const inferred = inferPeriod(prepared.clean);
  const published = (date: PartialDate | null, basis: PeriodBasis = "published"): DateReading | null =>
    date ? { date, period: periodOfDate(date), periodBasis: basis } : null;
  for (const line of [...chromeTexts(prepared.chrome), ...head.headerLines]) {
    const found = findDates(line).find((d) => d.year !== null);
    if (found) return published(toPartialDate(found))!;
  }
  const dateline = datelineDate(head.firstParagraph);
  if (dateline) {
    if (dateline.year !== null) return published(toPartialDate(dateline))!;
    const year = contextYear(prepared.clean);
    const fromClue = inferred ? Number(inferred.slice(0, 4)) : null;
    const reading = year !== null ? published(toPartialDate(dateline, year)) : fromClue !== null ? published(toPartialDate(dateline, fromClue), "inferred") : null;
    if (reading) return reading;
  }
  for (const line of tailLines(prepared)) {
    const found = findDates(line).find((d) => d.year !== null);
    if (found) return published(toPartialDate(found))!;
  }
  return { date: null, period: inferred, periodBasis: inferred ? "inferred" : null };
}

// ---- outlet ------------------------------------------------------------------------------------------------------

/** An outlet named in a line: 来源：乡村干部报 (never a 供稿 or reporter line). */
function sourceOutlet(line: string): string | null {
  const m = line.match(SOURCE);
  return m && !NOT_OUTLET_LINE.test(m[1]) ? m[1] : null;
}

/**
 * The outlet: a source line (来源：…), the dateline's outlet (临汾新闻网讯, 新华社…电; 本报讯 with the paper's name
 * 《某某日报》 from the page), the masthead (中国发展网 alone on a line, 2020-02-16 中国发展网). Contributor, reporter,
 * author and editor lines name people or departments, never the outlet: (市委组织部供稿) is not one.
 */
export function detectOutlet(prepared: PreparedText, head: ArticleHead = readArticleHead(prepared)): string | null {
  const chrome = chromeTexts(prepared.chrome);
  const around = [...chrome, ...head.headerLines, ...tailLines(prepared)];
  for (const line of around) {
    const source = sourceOutlet(line);
    if (source) return source;
  }
  for (const line of [...chrome, head.firstParagraph ?? ""]) {
    const m = line.match(DATELINE);
    if (!m || NOT_OUTLET_LINE.test(m[1])) continue;
    if (!/^本/.test(m[1])) return m[1];
    break; // 本报讯: the paper names itself elsewhere
  }
  for (const line of around) {
    const paper = line.match(PAPER_NAME);
    if (paper) return paper[1];
  }
  const mastheads = [
    ...prepared.chrome.filter((c) => c.kind === "outlet" && c.text.trim() !== head.title).map((c) => c.text.trim()),
    ...head.headerLines.filter((l) => pageLineKind(l) === "site"),
  ];
  for (const line of mastheads) {
    const name = line.replace(/[(（][^()（）]*[)）]/g, "").trim();
    if (/^[\u4e00-\u9fa5]{2,15}$/.test(name) && !NOT_OUTLET_LINE.test(name)) return name;
  }
  for (const line of around) {
    const m = line.match(DATE_THEN_OUTLET);
    if (m && !NOT_OUTLET_LINE.test(m[1])) return m[1];
  }
  return null;
}

// ---- people ------------------------------------------------------------------------------------------------------

export function detectEditor(prepared: PreparedText): string | null {
  for (const line of [...chromeTexts(prepared.chrome), ...lines(prepared.clean).slice(0, 8), ...lines(prepared.clean).slice(-5)]) {
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

export function extractMetadata(prepared: PreparedText, options: { region?: string } = {}): ReportMetadata {
  const decision = options.region ? { region: regionFromName(options.region), decided: true, candidates: [] } : decideRegion(prepared);
  const region = decision.region;
  const head = readArticleHead(prepared);
  const reading = detectDate(prepared, head);
  return {
    region,
    regionCandidates: decision.decided ? null : decision.candidates,
    title: head.title,
    publishedAt: reading.date?.date ?? null,
    datePrecision: reading.date?.precision ?? null,
    period: reading.period,
    periodBasis: reading.periodBasis,
    outlet: detectOutlet(prepared, head),
    authors: detectAuthors(prepared),
    editor: detectEditor(prepared),
  };
}
