/**
 * Stage 2c: web debris. Invisible characters (bidi controls, zero-width marks), HTML tags and entities, page chrome
 * lines (mastheads, editors, share buttons, counters, stray numbers) and link farms are removed; chrome lines are
 * returned too, so that the metadata extractor can read outlet, date and editor from them before they are gone.
 * Every scan here is linear in the text: no regular expression may search ahead without bound from each of many
 * starting points (an unclosed `<script>` or `<!--`, repeated, made the old single regex quadratic).
 */
import { CHROME_LINE_PATTERNS, LINK_FARM } from "./data/chrome";
import type { Edit, MappedText } from "./mapped";
import { rawSpanOf } from "./mapped";
import type { ChromeLine } from "./types";

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ldquo: "“", rdquo: "”", middot: "·", mdash: "—", hellip: "…" };

/**
 * Bidi controls and zero-width characters: they change how text displays (U+202E shows `500名` as `名005`) or
 * split words and numbers invisibly, and carry nothing a report says. Soft hyphens and the BOM inside text too.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

/** Deletions of invisible characters, one per run. */
export function findInvisibleEdits(text: string): Edit[] {
  return [...text.matchAll(INVISIBLE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, after: "", kind: "invisible" }));
}

/**
 * indexOf that remembers its last answer: scans move forward, so asking again from a later position costs
 * nothing until the remembered hit is passed, and once a needle is absent it stays absent (linear overall).
 */
function forwardFinder(text: string, needle: string): (from: number) => number {
  let askedFrom = Infinity;
  let hit = -1;
  return (from) => {
    if (from >= askedFrom && (hit === -1 || hit >= from)) return hit;
    askedFrom = from;
    hit = text.indexOf(needle, from);
    return hit;
  };
}

const ENTITY = /&(#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});/y;
const TAG_NAME = /\/?[a-zA-Z][a-zA-Z0-9]*/y;
const STRAY_CLOSER = /\/(?:p|div|span|br)>/y;
const BLOCK_TAG = /^<\/?(p|div|br|li|h\d|tr|section|article|header|footer|ul|ol|table)\b/i;

/** Tags, scripts/styles with their content, comments, `<!…>` declarations, entities and stray closers (`/p>`). */
export function findHtmlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const next = { gt: forwardFinder(text, ">"), lt: forwardFinder(text, "<"), comment: forwardFinder(text, "-->"), script: forwardFinder(text, "</script"), style: forwardFinder(text, "</style") };
  const candidates = /[<&/]/g;
  let match: RegExpExecArray | null;
  while ((match = candidates.exec(text))) {
    const start = match.index;
    const end = markupEnd(text, start, next);
    if (end === undefined) continue;
    const markup = text.slice(start, end);
    if (markup.startsWith("&")) {
      const name = markup.slice(1, -1);
      const decoded = name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name];
      if (decoded !== undefined) edits.push({ start, end, after: decoded, kind: "html" });
    } else {
      // Block tags end a line of text; inline ones vanish.
      edits.push({ start, end, after: BLOCK_TAG.test(markup) ? "\n" : "", kind: "html" });
    }
    candidates.lastIndex = end;
  }
  return edits;
}

type Finders = Record<"gt" | "lt" | "comment" | "script" | "style", (from: number) => number>;

/** End of the markup starting at `start`, or undefined when none starts there. */
function markupEnd(text: string, start: number, next: Finders): number | undefined {
  const c = text[start];
  if (c === "&") {
    ENTITY.lastIndex = start;
    return ENTITY.test(text) ? ENTITY.lastIndex : undefined;
  }
  if (c === "/") {
    if (start > 0 && /[a-zA-Z]/.test(text[start - 1])) return undefined;
    STRAY_CLOSER.lastIndex = start;
    return STRAY_CLOSER.test(text) ? STRAY_CLOSER.lastIndex : undefined;
  }
  if (text.startsWith("<!--", start)) {
    const close = next.comment(start + 4);
    if (close !== -1) return close + 3;
  }
  for (const name of ["script", "style"] as const) {
    // <script …>…</script>; when never closed, the opening tag alone is an ordinary tag (below).
    if (!text.startsWith(`<${name}`, start) || /[a-zA-Z0-9]/.test(text[start + name.length + 1] ?? "")) continue;
    const open = next.gt(start);
    if (open === -1) break;
    for (let close = next[name](open); close !== -1; close = next[name](close + 1)) {
      let k = close + name.length + 2;
      while (/\s/.test(text[k] ?? "")) k++;
      if (text[k] === ">") return k + 1;
    }
  }
  if (text[start + 1] === "!" && /[a-zA-Z]/.test(text[start + 2] ?? "")) {
    const close = next.gt(start);
    return close === -1 ? undefined : close + 1;
  }
  TAG_NAME.lastIndex = start + 1;
  if (!TAG_NAME.test(text)) return undefined;
  let k = TAG_NAME.lastIndex;
  if (text[k] === ">") return k + 1;
  if (text[k] === "/" && text[k + 1] === ">") return k + 2;
  if (!/\s/.test(text[k] ?? "")) return undefined;
  // Attributes run to the next `>`, unless a `<` comes first.
  const close = next.gt(k);
  const open = next.lt(k);
  return close !== -1 && (open === -1 || close < open) ? close + 1 : undefined;
}

/** Chrome lines and link farms, as deletions of the whole line. */
export function findChromeEdits(doc: MappedText): { edits: Edit[]; chrome: ChromeLine[] } {
  const edits: Edit[] = [];
  const chrome: ChromeLine[] = [];
  const { text } = doc;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    const kind = line ? chromeKind(line) : undefined;
    if (kind) {
      const end = Math.min(text.length, lineEnd + 1);
      const raw = rawSpanOf(doc, lineStart, lineEnd);
      chrome.push({ kind, text: line, rawStart: raw.start, rawEnd: raw.end });
      edits.push({ start: lineStart, end, after: "", kind: kind === "link-farm" ? "link-farm" : "chrome" });
    } else if (line) {
      // A link farm can also trail a line of text (`… |`): cut from the separator and the spaces around it.
      const tail = trailingSeparator(text, lineStart, lineEnd);
      if (tail !== undefined) edits.push({ start: tail, end: lineEnd, after: "", kind: "link-farm" });
    }
    lineStart = lineEnd + 1;
  }
  return { edits, chrome };
}

/** Start of a trailing `\s*[|｜]\s*` in text[from, to), scanning back once. */
function trailingSeparator(text: string, from: number, to: number): number | undefined {
  let k = to;
  while (k > from && /\s/.test(text[k - 1])) k--;
  if (k === from || (text[k - 1] !== "|" && text[k - 1] !== "｜")) return undefined;
  k--;
  while (k > from && /\s/.test(text[k - 1])) k--;
  return k;
}

function chromeKind(line: string): string | undefined {
  const items = line.split(LINK_FARM.separator).map((item) => item.trim()).filter(Boolean);
  if (items.length >= LINK_FARM.minItems && items.every((item) => item.length <= LINK_FARM.maxItemLength)) return "link-farm";
  return CHROME_LINE_PATTERNS.find(({ pattern }) => pattern.test(line))?.kind;
}
