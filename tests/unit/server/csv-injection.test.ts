// OWASP's CSV injection rule: a text cell a spreadsheet would run as a formula is made text.
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../lib/dashboard/csv";

describe("CSV cells", () => {
  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])("neutralizes %j", (value) => {
    const csv = toCsv(["quote"], [[value]]);
    const cell = csv.slice(1).split("\r\n")[1];
    expect(cell.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    expect(cell).toContain(value.replace(/"/g, '""'));
  });

  it("leaves numbers (negative ones too) and ordinary text alone", () => {
    expect(toCsv(["a", "b", "c"], [[-5, "临时党支部", "a=b"]]).slice(1)).toBe("a,b,c\r\n-5,临时党支部,a=b\r\n");
  });
});
