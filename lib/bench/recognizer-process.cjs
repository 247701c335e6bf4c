// The recognizer's whole process, for bench:extract: Node, Microsoft Recognizers-Text and one report's text, as a
// user of that library would run it to find what `atlas extract` finds — numbers, and numbers with their units
// (currency: 万元; dimension: counts of people, places, items). `--numbers-only` runs the number recognizer alone,
// the lightest part, printed beside it as a floor. Prints how many results it found.
const { readFileSync } = require("node:fs");
const numbersOnly = process.argv.includes("--numbers-only");
const text = readFileSync(process.argv[2], "utf8");
const { recognizeNumber, Culture } = require("@microsoft/recognizers-text-number");
const results = recognizeNumber(text, Culture.Chinese);
if (!numbersOnly) {
  const { recognizeCurrency, recognizeDimension } = require("@microsoft/recognizers-text-number-with-unit");
  results.push(...recognizeCurrency(text, Culture.Chinese), ...recognizeDimension(text, Culture.Chinese));
}
process.stdout.write(`${results.length}\n`);
