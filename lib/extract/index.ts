// Fact extraction over prepared text: every quantity in every sentence, with its subject, metric, sub-region scope
// and whether it restates an earlier figure.
import type { PreparedText } from "../text/types";
import { detectRegion } from "./metadata";
import { classifyMetric, clauseAround, findSubject, type Subject } from "./metrics";
import { findQuantities } from "./quantities";
import type { KnownRegion } from "./regions";
import { detectScope, findPlaceMentions } from "./scope";
import type { ExtractedFact } from "./types";

export { parseChineseNumber } from "./numbers";
export { findQuantities, scanNumerals } from "./quantities";
export { classifyMetric, findSubject } from "./metrics";
export { detectScope, findPlaceMentions } from "./scope";
export { extractMetadata, detectRegion, regionFromName } from "./metadata";

/** Facts of one sentence, in order; `offset` is the sentence's start in the clean text. */
export function extractSentenceFacts(text: string, sentenceIndex: number, offset: number, region: KnownRegion): ExtractedFact[] {
  const found = findQuantities(text);
  if (found.length === 0) return [];
  const places = findPlaceMentions(text);
  // Numerals inside place names (四亩地镇, 十堰市, 三河市) are not figures.
  const quantities = found.filter((q) => !places.some((p) => q.numeral.start < p.end && q.numeral.end > p.start));
  const facts: ExtractedFact[] = [];
  let previous: Subject | undefined;
  quantities.forEach((q, k) => {
    const subject = findSubject(text, q, quantities[k - 1]?.end ?? 0, quantities[k + 1]?.start ?? text.length, previous);
    previous = subject;
    const clause = clauseAround(text, q.start, q.end);
    const ownStart = Math.max(0, (quantities[k - 1]?.end ?? 0) - clause.offset);
    const metric = classifyMetric(q, subject, clause.text, q.start - clause.offset, q.end - clause.offset, ownStart);
    if (metric === null) return;
    facts.push({
      metric,
      subject: subject.text,
      value: q.value,
      unit: q.unit,
      approx: q.approx,
      quote: text,
      sentence: sentenceIndex,
      start: offset + q.start,
      end: offset + q.end,
      figure: text.slice(q.start, q.end),
      scope: detectScope(text, places, q.start, region),
      restates: false,
    });
  });
  return facts;
}

/** Character bigrams, for comparing subjects loosely (在职党员干部 ~ 在职党员). */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

function similarSubjects(a: string, b: string): boolean {
  if (a === b || (a && b && (a.includes(b) || b.includes(a)))) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return false;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / Math.min(x.size, y.size) >= 0.5;
}

/** Marks figures that repeat an earlier one: same metric, value and scope, and a similar subject. */
export function markRestatements(facts: ExtractedFact[]): ExtractedFact[] {
  return facts.map((fact, i) => ({
    ...fact,
    restates: facts
      .slice(0, i)
      .some((earlier) => earlier.metric === fact.metric && earlier.value === fact.value && earlier.scope === fact.scope && similarSubjects(earlier.subject, fact.subject)),
  }));
}

/** All facts of a prepared report. The region (for scopes) is detected from the text unless given. */
export function extractFacts(prepared: PreparedText, region: KnownRegion = detectRegion(prepared)): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  for (const sentence of prepared.sentences) {
    facts.push(...extractSentenceFacts(prepared.clean.slice(sentence.start, sentence.end), sentence.index, sentence.start, region));
  }
  return markRestatements(facts);
}
