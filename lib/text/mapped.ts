/**
 * Text that remembers where every character came from in the raw text. Each stage proposes edits in
 * its own coordinates; applyEdits rewrites the text, keeps the raw span of every surviving character,
 * and records each edit as a RepairRecord in raw coordinates.
 */
import type { RepairRecord } from "./types";

export interface MappedText {
  text: string;
  /** rawStart[i], rawEnd[i]: the raw span character i came from (UTF-16 indices). */
  rawStart: Int32Array;
  rawEnd: Int32Array;
}

export interface Edit {
  start: number;
  end: number;
  after: string;
  kind: RepairRecord["kind"];
  /**
   * For replacements whose length changes: for each character of `after`, the offset (relative to
   * start) of the first source character it was made from. Without it, every new character maps to
   * the whole replaced span.
   */
  sources?: number[];
}

export function identityMap(raw: string): MappedText {
  const n = raw.length;
  const rawStart = new Int32Array(n);
  const rawEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    rawStart[i] = i;
    rawEnd[i] = i + 1;
  }
  return { text: raw, rawStart, rawEnd };
}

/** Raw span [start, end) of the mapped span [start, end); an empty span maps to the raw point before it. */
export function rawSpanOf(doc: MappedText, start: number, end: number): { start: number; end: number } {
  if (end > start) return { start: doc.rawStart[start], end: doc.rawEnd[end - 1] };
  const at = start < doc.text.length ? doc.rawStart[start] : start > 0 ? doc.rawEnd[start - 1] : 0;
  return { start: at, end: at };
}

/**
 * Applies non-overlapping edits (any order) and appends one RepairRecord per edit to `repairs`.
 * Overlapping edits are a programming error in the calling stage.
 */
export function applyEdits(doc: MappedText, edits: Edit[], raw: string, repairs: RepairRecord[]): MappedText {
  if (edits.length === 0) return doc;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  const keep = (from: number, to: number) => {
    parts.push(doc.text.slice(from, to));
    for (let i = from; i < to; i++) {
      starts.push(doc.rawStart[i]);
      ends.push(doc.rawEnd[i]);
    }
  };
  for (const edit of sorted) {
    if (edit.start < pos) throw new Error(`overlapping ${edit.kind} edit at ${edit.start}`);
    keep(pos, edit.start);
    const span = rawSpanOf(doc, edit.start, edit.end);
    repairs.push({ start: span.start, end: span.end, before: raw.slice(span.start, span.end), after: edit.after, kind: edit.kind });
    pushReplacement(doc, edit, span, starts, ends);
    parts.push(edit.after);
    pos = edit.end;
  }
  keep(pos, doc.text.length);
  return { text: parts.join(""), rawStart: Int32Array.from(starts), rawEnd: Int32Array.from(ends) };
}

function pushReplacement(doc: MappedText, edit: Edit, span: { start: number; end: number }, starts: number[], ends: number[]): void {
  const n = edit.after.length;
  const width = edit.end - edit.start;
  for (let k = 0; k < n; k++) {
    if (edit.sources) {
      const from = edit.start + edit.sources[k];
      const to = k + 1 < n ? Math.max(from + 1, edit.start + edit.sources[k + 1]) : edit.end;
      const sub = rawSpanOf(doc, from, Math.min(to, edit.end));
      starts.push(sub.start);
      ends.push(sub.end);
    } else if (n === width) {
      starts.push(doc.rawStart[edit.start + k]);
      ends.push(doc.rawEnd[edit.start + k]);
    } else {
      starts.push(span.start);
      ends.push(span.end);
    }
  }
}

/** The exported form: cleanToRaw[i] = raw start of clean char i; cleanToRaw[length] = raw end of the last char. */
export function toCleanToRaw(doc: MappedText): Int32Array {
  const n = doc.text.length;
  const map = new Int32Array(n + 1);
  map.set(doc.rawStart);
  map[n] = n > 0 ? doc.rawEnd[n - 1] : 0;
  return map;
}
