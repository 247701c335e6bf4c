/**
 * Stage 2c: web debris. HTML tags and entities, page chrome lines (mastheads, editors, share buttons,
 * counters, stray numbers) and link farms are removed; chrome lines are returned too, so that the
 * metadata extractor can read outlet, date and editor from them before they are gone.
 */
import { CHROME_LINE_PATTERNS, LINK_FARM } from "./data/chrome";
import type { Edit, MappedText } from "./mapped";
import { rawSpanOf } from "./mapped";
import type { ChromeLine } from "./types";

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ldquo: "“", rdquo: "”", middot: "·", mdash: "—", hellip: "…" };

/** Tags, scripts/styles with their content, comments and entities. */
export function findHtmlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const pattern = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<![a-zA-Z][^>]*>|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&(#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});|(?<![a-zA-Z])\/(?:p|div|span|br)>/g;
  for (const match of text.matchAll(pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (match[0].startsWith("&")) {
      const name = match[2];
      const decoded = name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name];
      if (decoded !== undefined) edits.push({ start, end, after: decoded, kind: "html" });
      continue;
    }
    // Block tags end a line of text; inline ones vanish.
    const block = /^<\/?(p|div|br|li|h\d|tr|section|article|header|footer|ul|ol|table)\b/i.test(match[0]);
    edits.push({ start, end, after: block ? "\n" : "", kind: "html" });
  }
  return edits;
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
      // A link farm can also trail a line of text (`… |`): cut from the first separator run on.
      const tail = text.slice(lineStart, lineEnd).match(/\s*[|｜]\s*$/u);
      if (tail) edits.push({ start: lineStart + tail.index!, end: lineEnd, after: "", kind: "link-farm" });
    }
    lineStart = lineEnd + 1;
  }
  return { edits, chrome };
}

function chromeKind(line: string): string | undefined {
  const items = line.split(LINK_FARM.separator).filter(Boolean);
  if (items.length >= LINK_FARM.minItems && items.every((item) => item.length <= LINK_FARM.maxItemLength)) return "link-farm";
  return CHROME_LINE_PATTERNS.find(({ pattern }) => pattern.test(line))?.kind;
}
