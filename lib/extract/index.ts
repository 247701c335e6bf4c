// Fact extraction over prepared text: every quantity in every sentence, with its subject, family and kind (the
// codebook, data/codebook.json), scope, the total it is part of and the earlier fact it restates.
import type { PreparedText } from "../text/types";
import { kindOf } from "./kinds";
import { SCOPE, SHARED_HEAD_PLACES, TEMPLATE_MARKERS, containsAny } from "./lexicon";
import { detectRegion } from "./metadata";
import { classifyMetric, clauseAround, findSubject, type Subject } from "./metrics";
import { findQuantities } from "./quantities";
import type { KnownRegion } from "./regions";
import { factScope, findPlaceMentions, findUnitMentions } from "./scope";
import type { ExtractedFact, FactScope } from "./types";

export { parseChineseNumber } from "./numbers";
export { findQuantities, scanNumerals } from "./quantities";
export { classifyMetric, findSubject } from "./metrics";
export { kindOf } from "./kinds";
export { detectScope, factScope, findPlaceMentions, findUnitMentions } from "./scope";
export { extractMetadata, detectRegion, regionFromName } from "./metadata";

/** True if a part marker (其中, 含) stands before the figure in its sentence: the figure is part of an earlier total. */
function afterPartMarker(text: string, start: number): boolean {
  return containsAny(text, SCOPE.partMarkers, 0, start);
}

/** Where the sentence starts spelling out a slogan's numbers (“10”即：): figures after it are a plan, not counts. */
function templateStart(text: string): number {
  let at = text.length;
  for (const marker of TEMPLATE_MARKERS) {
    const k = text.indexOf(marker);
    if (k >= 0 && k < at) at = k;
  }
  return at;
}

interface SentenceFact extends ExtractedFact {
  /** The fact follows 其中/含 in its sentence: a part of the nearest earlier total of its family. */
  part: boolean;
}

/** Facts of one sentence, in order; `offset` is the sentence's start in the clean text. */
export function extractSentenceFacts(text: string, sentenceIndex: number, offset: number, region: KnownRegion): SentenceFact[] {
  const found = findQuantities(text);
  if (found.length === 0) return [];
  const places = findPlaceMentions(text);
  // Numerals inside place names (四亩地镇, 十堰市, 三河市) are not figures.
  const quantities = found.filter((q) => !places.some((p) => q.numeral.start < p.end && q.numeral.end > p.start));
  const units = findUnitMentions(text);
  const template = templateStart(text);
  const facts: SentenceFact[] = [];
  const subjects: Subject[] = [];
  let previous: Subject | undefined;
  quantities.forEach((q, k) => {
    const subject = findSubject(text, q, quantities[k - 1]?.end ?? 0, quantities[k + 1]?.start ?? text.length, previous);
    previous = subject;
    subjects[k] = subject;
    if (q.start > template) return;
    const clause = clauseAround(text, q.start, q.end);
    const metric = classifyMetric(q, subject, clause.text, q.start - clause.offset, q.end - clause.offset);
    if (metric === null) return;
    const ownStart = Math.max(quantities[k - 1]?.end ?? 0, clause.offset);
    const scope: FactScope = factScope(text, places, units, q.start, ownStart, region);
    if (scope.type === "per-unit" && q.value === 1) return; // 各包联1个社区: one each, not a count
    facts.push({
      metric,
      kind: kindOf(metric, subject.text, clause.text),
      subject: subject.text,
      value: q.value,
      unit: q.unit,
      approx: q.approx,
      quote: text,
      sentence: sentenceIndex,
      start: offset + q.start,
      end: offset + q.end,
      figure: text.slice(q.start, q.end),
      scope,
      partOf: null,
      restates: null,
      part: afterPartMarker(text, q.start),
    });
  });
  shareHeads(facts, text, offset);
  return facts;
}

/**
 * 35个乡镇和295个村党组织: a figure whose subject is a bare place word, joined by 和/、 to the next figure, counts what
 * the next one counts (乡镇党组织), when that is a family of organizations, teams or people.
 */
function shareHeads(facts: SentenceFact[], text: string, offset: number): void {
  for (let k = 0; k + 1 < facts.length; k++) {
    const fact = facts[k];
    const next = facts[k + 1];
    if (!SHARED_HEAD_PLACES.has(fact.subject) || next.metric === "other") continue;
    const between = text.slice(fact.end - offset, next.start - offset);
    if (between !== `${fact.subject}和` && between !== `${fact.subject}、` && between !== `${fact.subject}及`) continue;
    const place = [...SHARED_HEAD_PLACES].filter((p) => next.subject.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const head = place ? next.subject.slice(place.length) : next.subject;
    fact.metric = next.metric;
    fact.subject = fact.subject + head;
    fact.kind = kindOf(fact.metric, fact.subject);
  }
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

const sameScope = (a: FactScope, b: FactScope) => a.type === b.type && a.name === b.name;

/**
 * Links each fact to the earlier fact it repeats (same family, value, unit and scope, and the same kind or a similar
 * subject: 督察队 restates 督查专班) and, after 其中/含, to the total it is part of (the nearest earlier fact of the
 * family with a larger value, in the same or the previous sentence). Indexes are positions in `facts`.
 */
export function linkFacts(facts: (ExtractedFact & { part?: boolean })[]): ExtractedFact[] {
  // Earlier facts by family and value: restatement look-up stays linear in the number of facts.
  const byKey = new Map<string, number[]>();
  return facts.map((fact, i) => {
    const { part, ...rest } = fact;
    const key = `${fact.metric}\u0000${fact.value}\u0000${fact.unit}`;
    const candidates = byKey.get(key) ?? [];
    const restates = fact.metric === "other" ? undefined : candidates.find((j) => {
      const earlier = facts[j];
      return sameScope(earlier.scope, fact.scope) && (earlier.kind === fact.kind || similarSubjects(earlier.subject, fact.subject));
    });
    candidates.push(i);
    byKey.set(key, candidates);
    let partOf: number | null = null;
    if (part) {
      for (let j = i - 1; j >= 0 && facts[j].sentence >= fact.sentence - 1; j--) {
        if (facts[j].metric === fact.metric && facts[j].value > fact.value && !facts[j].part) {
          partOf = j;
          break;
        }
      }
    }
    return { ...rest, partOf, restates: restates ?? null };
  });
}

/** All facts of a prepared report. The region (for scopes) is detected from the text unless given. */
export function extractFacts(prepared: PreparedText, region: KnownRegion = detectRegion(prepared)): ExtractedFact[] {
  const facts: SentenceFact[] = [];
  for (const sentence of prepared.sentences) {
    facts.push(...extractSentenceFacts(prepared.clean.slice(sentence.start, sentence.end), sentence.index, sentence.start, region));
  }
  return linkFacts(facts);
}
