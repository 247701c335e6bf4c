// Properties of the pure text stages over generated input (fast-check), and hostile input at a size where a
// quadratic stage would show (see npm run bench:adversarial for the measured growth up to 4 MB).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findChromeEdits, findHtmlEdits, findInvisibleEdits } from "../../../lib/text/clean";
import { prepareText, TextInputError } from "../../../lib/text/index";
import { applyEdits, identityMap, type Edit } from "../../../lib/text/mapped";
import { findMojibakeEdits } from "../../../lib/text/mojibake";
import { findPinyinEdits } from "../../../lib/text/pinyin";
import { CLEAN_PARAGRAPHS } from "./corpus";

const COMMON = [...new Set(CLEAN_PARAGRAPHS.join("").replace(/[^\u4e00-\u9fff]/g, ""))];
const PUNCTUATION = ["，", "。", "、", "“", "”", "：", "；", "！", "？", "（", "）"];
/** Pieces that the stages react to: debris, markup, annotations, lost-byte marks, invisible characters. */
const DEBRIS = ["?", "!", "??", "?!?", "<", ">", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<!a", "&amp;", "&#x4e2d;", "&#", "|", " | ", "   ", "\n", "\r\n", "(lái)", "(zhèn)", "?(bào)", "\u202e", "\u200b", "\ufeff", "□", "1", "2020-02-16", "责编:车婧", "a", "Z"];

const chinese = fc.array(fc.constantFrom(...COMMON, ...COMMON, ...PUNCTUATION, "\n", "1", "2"), { maxLength: 300 }).map((parts) => parts.join(""));
const hostile = fc.array(fc.oneof(fc.constantFrom(...COMMON), fc.constantFrom(...DEBRIS), fc.fullUnicodeString({ maxLength: 4 })), { maxLength: 200 }).map((parts) => parts.join(""));
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  hostile.map((s) => new Uint8Array(Buffer.from(s))),
  hostile.map((s) => new Uint8Array(Buffer.from(s, "utf16le"))),
);

const RUNS = { numRuns: 150 };

function expectWellFormed(edits: Edit[], text: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let end = 0;
  for (const edit of sorted) {
    expect(edit.start).toBeGreaterThanOrEqual(end); // no overlaps
    expect(edit.end).toBeGreaterThanOrEqual(edit.start);
    expect(edit.end).toBeLessThanOrEqual(text.length);
    end = edit.end;
  }
}

describe("text stage properties", () => {
  it("prepareText throws nothing but TextInputError, on any bytes", () => {
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          prepareText(input);
        } catch (error) {
          if (!(error instanceof TextInputError)) throw error;
        }
      }),
      RUNS,
    );
  });

  it("every offset maps back into the raw text, and the output is bounded by the input", () => {
    fc.assert(
      fc.property(fc.tuple(chinese, hostile), ([a, b]) => {
        let prepared;
        try {
          prepared = prepareText(Buffer.from(a + b + a));
        } catch (error) {
          if (error instanceof TextInputError) return;
          throw error;
        }
        const { raw, clean, cleanToRaw, repairs, sentences } = prepared;
        expect(clean.length).toBeLessThanOrEqual(2 * raw.length);
        expect(cleanToRaw.length).toBe(clean.length + 1);
        for (let i = 0; i < clean.length; i++) {
          expect(cleanToRaw[i]).toBeGreaterThanOrEqual(i > 0 ? cleanToRaw[i - 1] : 0);
          expect(cleanToRaw[i]).toBeLessThanOrEqual(raw.length);
        }
        for (const repair of repairs) expect(raw.slice(repair.start, repair.end)).toBe(repair.before);
        expect(sentences.length).toBeLessThanOrEqual(clean.length);
        for (const s of sentences) {
          expect(clean.slice(s.start, s.end)).toBe(s.text);
          expect(raw.slice(s.rawStart, s.rawEnd)).toBe(s.original);
          expect(s.rawStart).toBe(cleanToRaw[s.start]);
        }
      }),
      RUNS,
    );
  });

  it("cleaning clean text changes nothing, and cleaning twice is cleaning once", () => {
    fc.assert(
      fc.property(chinese, (text) => {
        const body = `${text}\n${CLEAN_PARAGRAPHS[0]}`; // enough Chinese to be accepted
        const once = prepareText(Buffer.from(body));
        expect(once.repairs.filter((r) => r.kind !== "chrome")).toEqual([]);
        expect(prepareText(Buffer.from(once.clean)).clean).toBe(once.clean);
      }),
      RUNS,
    );
  });

  it("each stage proposes well-formed edits on any string, which apply", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const find of [findInvisibleEdits, findMojibakeEdits, findPinyinEdits, findHtmlEdits]) {
          const edits = find(text);
          expectWellFormed(edits, text);
          expect(() => applyEdits(identityMap(text), edits, text, [])).not.toThrow();
        }
        expectWellFormed(findChromeEdits(identityMap(text)).edits, text);
      }),
      RUNS,
    );
  });
});

describe("hostile input at 256 KB", () => {
  // Each took seconds to minutes before the stages were made linear (80,000 spaces: 25 s); now well under a second.
  const size = 256 * 1024;
  const repeat = (piece: string) => piece.repeat(Math.ceil(size / Buffer.byteLength(piece)));
  let seed = 7;
  const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const families: [string, string][] = [
    ["random CJK", Array.from({ length: size / 3 }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x51a5))).join("")],
    ["? runs then a letter", `疫情防控${"?".repeat(size)}a`],
    ["repeated 的?", repeat("的?")],
    ["spaces then a separator", `党员干部${" ".repeat(size)}x|`],
    ["unclosed markup", repeat("<script><!--<!a")],
  ];
  it.each(families)("%s: prepareText within 10 s", (_, text) => {
    const t0 = performance.now();
    try {
      prepareText(Buffer.from(text));
    } catch (error) {
      if (!(error instanceof TextInputError)) throw error;
    }
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
