// The recognizer's whole process, for bench:extract: Node, Microsoft Recognizers-Text (Chinese numbers) and one
// report's text, as a user of that library would run it. Prints how many numbers it found.
const { readFileSync } = require("node:fs");
const { recognizeNumber, Culture } = require("@microsoft/recognizers-text-number");

const results = recognizeNumber(readFileSync(process.argv[2], "utf8"), Culture.Chinese);
process.stdout.write(`${results.length}\n`);
