// Runs the built `atlas` command line (bin/atlas starts this file). When a source file it was built from has
// changed, or it was never built (an install with --ignore-scripts), it is rebuilt first, so that an edit to
// lib/ or scripts/cli/ shows in the next run. CommonJS, like the build: Node then never starts its ES module
// loader for a command (≈10 ms of a one-report extract).
"use strict";
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const root = process.env.ATLAS_ROOT ?? path.resolve(__dirname, "../..");
const cache = path.join(root, "node_modules", ".cache", "atlas-cli");

function currentBuild() {
  try {
    const { build, inputs } = JSON.parse(readFileSync(path.join(cache, "manifest.json"), "utf8"));
    for (const [file, [mtimeMs, size]] of Object.entries(inputs)) {
      const stat = statSync(path.join(root, file));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return null;
    }
    return path.join(cache, build);
  } catch {
    return null;
  }
}

async function run() {
  let dir = currentBuild();
  if (!dir) {
    const { buildCli } = await import(pathToFileURL(path.join(__dirname, "..", "build-cli.mjs")).href);
    dir = (await buildCli(root)).dir;
  }
  const { main } = require(path.join(dir, "main.cjs"));
  const code = await main(process.argv.slice(2));
  // Every command has finished its work when main returns: exit as soon as the output is written, rather than wait
  // for Node to tear down a heap that holds the language and gazetteer tables (≈30 ms of a one-report extract).
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write("", resolve))));
  process.exit(code);
}

run();
