/** One change the repair stage made to the decoded raw text. Offsets are UTF-16 indices into the raw text. */
export interface RepairRecord {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: "pinyin" | "mojibake" | "html" | "chrome" | "link-farm" | "whitespace" | "gap" | "invisible" | (string & {});
}

/** A line of page chrome removed during cleaning; metadata extraction reads these before they are dropped. */
export interface ChromeLine {
  kind: "outlet" | "date" | "editor" | "byline" | "counter" | "social" | "link-farm" | "other" | (string & {});
  text: string; // simplified text of the removed line
  rawStart: number;
  rawEnd: number;
}

export interface SentenceSpan {
  index: number;
  text: string; // clean simplified text
  original: string; // the same span as received (raw text)
  start: number; // offsets into clean text
  end: number;
  rawStart: number; // offsets into raw text
  rawEnd: number;
}

/** Output of the text stage: everything extraction needs, with a map from clean text back to raw text. */
export interface PreparedText {
  encoding: string; // detected encoding, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE"
  raw: string; // decoded text exactly as received (BOM removed)
  clean: string; // repaired, cleaned, simplified text
  /** cleanToRaw[i] is the raw offset of clean char i; cleanToRaw[clean.length] is raw.length-ish end. */
  cleanToRaw: Int32Array;
  repairs: RepairRecord[];
  chrome: ChromeLine[];
  sentences: SentenceSpan[];
}
