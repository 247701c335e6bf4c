import { describe, expect, it } from "vitest";
import { prepareText } from "../../../lib/text/index";
import { MAX_SENTENCE } from "../../../lib/text/sentences";

const sentencesOf = (text: string) => prepareText(Buffer.from(text, "utf8")).sentences;

describe("runs without an end mark", () => {
  it("are cut into sentences of at most MAX_SENTENCE characters at a comma or space, covering all the text", () => {
    const clause = "全县成立临时党支部68个组织5000多名党员干部参与防控 ";
    const text = clause.repeat(Math.ceil((MAX_SENTENCE * 6) / clause.length));
    const sentences = sentencesOf(text);
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(sentence.text.endsWith("防控")).toBe(true); // cut at the space, never inside a clause
    }
    expect(sentences.map((s) => s.text).join(" ")).toBe(text.trim());
  });

  it("never split a figure or a surrogate pair when there is no break to cut at", () => {
    const text = `${"党".repeat(MAX_SENTENCE - 3)}1234567${"𠀀".repeat(MAX_SENTENCE)}`;
    const sentences = sentencesOf(text);
    expect(sentences.map((s) => s.text).join("")).toBe(text);
    expect(sentences.some((s) => s.text.includes("1234567"))).toBe(true);
    for (const sentence of sentences) expect(sentence.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it("leave ordinary sentences alone", () => {
    const sentences = sentencesOf("全县成立临时党支部68个。组织5000多名党员干部参与防控！");
    expect(sentences.map((s) => s.text)).toEqual(["全县成立临时党支部68个。", "组织5000多名党员干部参与防控！"]);
  });
});
