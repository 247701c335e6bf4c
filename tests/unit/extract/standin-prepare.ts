// TEMPORARY stand-in for lib/text's prepareText while that module is being written: strips pinyin annotations,
// converts to simplified Chinese and splits sentences. No mojibake repair, no chrome removal.
import * as OpenCC from "opencc-js";
import { TextInputError } from "../../../lib/text/errors";
import type { PreparedText, SentenceSpan } from "../../../lib/text/types";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const MIN_HAN_SHARE = 0.3;

export function prepareStandIn(bytes: Uint8Array): PreparedText {
  if (bytes.length === 0) throw new TextInputError("the input is empty");
  const raw = new TextDecoder("utf-8").decode(bytes);
  const visible = raw.replace(/\s/g, "");
  const han = visible.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (visible.length === 0 || han / visible.length < MIN_HAN_SHARE) throw new TextInputError("the input is not Chinese text");
  const clean = toSimplified(raw.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ""));
  const sentences: SentenceSpan[] = [];
  const re = /[^。！？\n]+[。！？]*/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) {
    if (!m[0].trim()) continue;
    const start = m.index;
    const end = start + m[0].length;
    sentences.push({ index: sentences.length, text: m[0], original: m[0], start, end, rawStart: start, rawEnd: end });
  }
  return { encoding: "UTF-8", raw, clean, cleanToRaw: new Int32Array(clean.length + 1), repairs: [], chrome: [], sentences };
}
