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
  // The new length is known up front: the maps go straight into typed arrays (no per-character array growth).
  let length = doc.text.length;
  for (const edit of sorted) length += edit.after.length - (edit.end - edit.start);
  const out = { starts: new Int32Array(length), ends: new Int32Array(length), n: 0 };
  const parts: string[] = [];
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start < pos) throw new Error(`overlapping ${edit.kind} edit at ${edit.start}`);
    keep(doc, pos, edit.start, out, parts);
    const span = rawSpanOf(doc, edit.start, edit.end);
    repairs.push({ start: span.start, end: span.end, before: raw.slice(span.start, span.end), after: edit.after, kind: edit.kind });
    pushReplacement(doc, edit, span, out);
    parts.push(edit.after);
    pos = edit.end;
  }
  keep(doc, pos, doc.text.length, out, parts);
  return { text: parts.join(""), rawStart: out.starts, rawEnd: out.ends };
}

interface MapOut {
  starts: Int32Array;
  ends: Int32Array;
  n: number;
}

function keep(doc: MappedText, from: number, to: number, out: MapOut, parts: string[]): void {
  parts.push(doc.text.slice(from, to));
  out.starts.set(doc.rawStart.subarray(from, to), out.n);
  out.ends.set(doc.rawEnd.subarray(from, to), out.n);
  out.n += to - from;
}

function pushReplacement(doc: MappedText, edit: Edit, span: { start: number; end: number }, out: MapOut): void {
  const n = edit.after.length;
  const width = edit.end - edit.start;
  for (let k = 0; k < n; k++, out.n++) {
    if (edit.sources) {
      const from = edit.start + edit.sources[k];
      const to = k + 1 < n ? Math.max(from + 1, edit.start + edit.sources[k + 1]) : edit.end;
      const sub = rawSpanOf(doc, from, Math.min(to, edit.end));
      out.starts[out.n] = sub.start;
      out.ends[out.n] = sub.end;
    } else if (n === width) {
      out.starts[out.n] = doc.rawStart[edit.start + k];
      out.ends[out.n] = doc.rawEnd[edit.start + k];
    } else {
      out.starts[out.n] = span.start;
      out.ends[out.n] = span.end;
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
