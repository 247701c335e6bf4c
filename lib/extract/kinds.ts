// The kind of a fact within its family (temporary branches, party dues …), read from the codebook: a kind's markers
// anywhere in the subject's first list item or the whole subject (funds: the clause first, since a fund's kind is
// its source: 从代管党费中下拨 → dues, 捐赠资金 → donations), then
// the head noun the subject ends with, else the family's last kind (its catch-all).
import { family } from "./lexicon";
import type { Metric } from "./types";

const LIST_SEPARATOR = /[、和及与]/;

function byMarker(kinds: ReturnType<typeof family>["kinds"], text: string): string | null {
  if (!text) return null;
  for (const kind of kinds) for (const marker of kind.markers) if (text.includes(marker)) return kind.id;
  return null;
}

function byHead(kinds: ReturnType<typeof family>["kinds"], text: string): string | null {
  let best: { id: string; length: number } | null = null;
  for (const kind of kinds) {
    for (const head of kind.heads) if (text.endsWith(head) && (!best || head.length > best.length)) best = { id: kind.id, length: head.length };
  }
  return best?.id ?? null;
}

/** The kind id of a figure of `metric` with this subject in this clause. */
export function kindOf(metric: Metric, subject: string, clause = ""): string {
  const { kinds } = family(metric);
  if (kinds.length === 1) return kinds[0].id;
  const firstItem = subject.split(LIST_SEPARATOR).find((item) => item.length > 0) ?? subject;
  const fromClause = "kindFromClause" in family(metric) ? byMarker(kinds, clause) : null;
  return (
    fromClause ??
    byMarker(kinds, firstItem) ??
    byMarker(kinds, subject) ??
    byHead(kinds, firstItem) ??
    byHead(kinds, subject) ??
    kinds[kinds.length - 1].id
  );
}
