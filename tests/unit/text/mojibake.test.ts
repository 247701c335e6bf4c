// GBK mojibake repair: never a wrong character. Clean text written for these tests (corpus.ts) must come through
// untouched; the same text, encoded as GBK and decoded one byte out of step (bytes dropped or turned into `?`,
// pairs the decoder cannot map dropped, punctuation folded to ASCII), may be repaired only with the right
// characters or □.
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { prepareText } from "../../../lib/text/index";
import { findMojibakeEdits } from "../../../lib/text/mojibake";
import { CLEAN_PARAGRAPHS, CLEAN_TEXT } from "./corpus";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const PARAGRAPHS = CLEAN_PARAGRAPHS.flatMap((p, i) => (i % 3 === 0 ? [p, toTraditional(p)] : [p]));

/** A deterministic pseudo-random sequence (LCG), so that every run garbles the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Garbled {
  text: string;
  /** For each UTF-16 unit of text: the range [first, last] of original character indices its bytes came from. */
  origin: [number, number][];
}

/**
 * The paragraph's GBK bytes with one lead byte dropped or replaced by `?` (the rest is read out of step), perhaps
 * a second such loss later (back in step), decoded as a GBK decoder does: invalid bytes as `?`, user-defined codes
 * (which reports lose) dropped; with `fold`, fullwidth punctuation folded to ASCII.
 */
function garble(paragraph: string, seed: number, fold: boolean): Garbled {
  const next = random(seed);
  const bytes: { byte: number; from: number }[] = [];
  [...paragraph].forEach((c, k) => {
    for (const byte of iconv.encode(c, "gbk")) bytes.push({ byte, from: k });
  });
  const leads = bytes.flatMap((b, i) => (b.byte >= 0x81 && (i === 0 || bytes[i - 1].from !== b.from) ? [i] : []));
  const lose = (i: number) => (next() < 0.5 ? bytes.splice(i, 1) : (bytes[i] = { byte: 0x3f, from: bytes[i].from }));
  const first = leads[Math.floor(next() * leads.length)];
  if (first !== undefined) lose(first); // (an English paragraph has no lead byte to lose)
  const second = first + 4 + Math.floor(next() * 40);
  if (first !== undefined && next() < 0.6 && second < bytes.length) lose(second);
  let text = "";
  const origin: [number, number][] = [];
  const emit = (c: string, from: number, to: number) => {
    const cp = c.codePointAt(0)!;
    if (cp >= 0xe000 && cp <= 0xf8ff) return;
    const out = c === "\uFFFD" ? "?" : fold && cp >= 0xff01 && cp <= 0xff5e ? String.fromCharCode(cp - 0xfee0) : c;
    text += out;
    origin.push([bytes[from].from, bytes[to - 1].from]);
  };
  for (let i = 0; i < bytes.length; ) {
    const pair = i + 1 < bytes.length && bytes[i].byte >= 0x80 ? iconv.decode(Buffer.from([bytes[i].byte, bytes[i + 1].byte]), "gbk") : "";
    if (pair.length === 1 && pair !== "\uFFFD") {
      emit(pair, i, i + 2);
      i += 2;
    } else {
      emit(bytes[i].byte < 0x80 ? String.fromCharCode(bytes[i].byte) : "\uFFFD", i, i + 1);
      i += 1;
    }
  }
  return { text, origin };
}

/**
 * Does `written` fit the original characters [lo, hi]: in order, each written character equal to the original
 * one, □ standing for any number of lost ones? Where a pair of bytes vanished, one character is gone without a
 * trace, so one original character may be skipped between two written ones.
 */
function fits(written: string, original: string[], lo: number, hi: number): boolean {
  let reach = new Set<number>();
  for (let p = Math.max(0, lo); p <= Math.min(original.length, hi + 1); p++) reach.add(p);
  const end = Math.min(original.length, hi + 1);
  for (const c of written) {
    const next = new Set<number>();
    for (const p of reach) {
      if (c === "□") for (let q = p; q <= end; q++) next.add(q);
      else {
        if (p < end && original[p] === c) next.add(p + 1);
        if (p + 1 < end && original[p + 1] === c) next.add(p + 2);
      }
    }
    reach = next;
  }
  return reach.size > 0;
}

describe("mojibake repair on clean text", () => {
  it("changes nothing in clean text, in either script", () => {
    for (const paragraph of PARAGRAPHS) expect(findMojibakeEdits(paragraph)).toEqual([]);
    expect(findMojibakeEdits(toTraditional(CLEAN_TEXT))).toEqual([]);
    const prepared = prepareText(Buffer.from(CLEAN_TEXT));
    expect(prepared.repairs.filter((repair) => repair.kind === "mojibake" || repair.kind === "gap")).toEqual([]);
  });

  it("leaves an ASCII question mark after Chinese alone", () => {
    for (const text of ["你们准备好了吗?我们准备好了。", "这是为什么?", "谁来负责?他说。"]) expect(findMojibakeEdits(text)).toEqual([]);
  });
});

describe("mojibake repair on GBK read out of step", () => {
  it("writes only the right characters or □, and repairs much of it", () => {
    let written = 0;
    let repairedSamples = 0;
    const wrong: string[] = [];
    PARAGRAPHS.forEach((paragraph, p) => {
      const original = [...paragraph];
      for (let variant = 0; variant < 3; variant++) {
        const garbled = garble(paragraph, p * 7919 + variant * 104729 + 13, variant === 2);
        const edits = findMojibakeEdits(garbled.text);
        for (const edit of edits) {
          const span = garbled.origin.slice(Math.max(0, edit.start - 1), Math.max(edit.end, edit.start + 1));
          const lo = Math.min(...span.map((range) => range[0])) - 1;
          const hi = Math.max(...span.map((range) => range[1])) + 1;
          if (!fits(edit.after, original, lo, hi)) wrong.push(`${garbled.text.slice(edit.start, edit.end)} → ${edit.after} (${paragraph})`);
          written += [...edit.after].filter((c) => c !== "□").length;
        }
        if (edits.some((edit) => edit.kind === "mojibake")) repairedSamples++;
      }
    });
    expect(wrong).toEqual([]);
    // Not a repair that writes nothing: most garbled paragraphs get characters back.
    expect(repairedSamples).toBeGreaterThan(PARAGRAPHS.length);
    expect(written).toBeGreaterThan(600);
  });

  it("recovers 空巢老人有多少 in linfen's run and writes nothing else but □", () => {
    const edits = findMojibakeEdits("幫助解決特殊群體急難愁盼問題??粘怖先擞卸嗌伲Ь硟和卸嗌?,孕產婦有多少");
    expect(edits).toHaveLength(1);
    expect(edits[0].after).toMatch(/^□*空巢老人有多少□*$/);
  });

  it("turns lost-byte marks after a Chinese character into one □", () => {
    const text = "形成組織體系和工作體系?!?”即:建立小區黨員";
    expect(findMojibakeEdits(text)).toEqual([{ start: 11, end: 14, after: "□", kind: "gap" }]);
  });
});
