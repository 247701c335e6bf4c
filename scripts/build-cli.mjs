// Bundles the `atlas` command line (scripts/cli/main.ts and what it imports from lib/) into plain JavaScript, so
// that nothing is compiled when it runs. Run by postinstall (offline: esbuild is a local binary), and by
// scripts/cli/launch.cjs whenever a source it was built from has changed since.
//
// Each build goes to a folder of its own under node_modules/.cache/atlas-cli/, and manifest.json (replaced
// atomically) names the current one with the size and time of every source file, so that a command starting
// while another rebuilds never reads half a bundle.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
export const cacheDir = (root) => path.join(root, "node_modules", ".cache", "atlas-cli");
const STALE_BUILD_MS = 10 * 60 * 1000;

export async function buildCli(root = ROOT) {
  const { build } = await import("esbuild");
  const base = cacheDir(root);
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: "scripts/cli/main.ts", "extract-worker": "scripts/cli/extract-worker.ts" },
    outdir: path.join(base, name),
    bundle: true,
    // One CommonJS file per entry: Node reads and compiles it faster than ES module chunks, which it decodes and
    // links one by one (≈25 ms of a one-report extract). Subcommands are still evaluated only when they run
    // (esbuild wraps what main.ts imports dynamically in functions called on import).
    format: "cjs",
    outExtension: { ".js": ".cjs" }, // whatever package.json "type" says
    define: { "import.meta.url": "__atlasModuleUrl" },
    banner: { js: 'var __atlasModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    charset: "utf8",
    plugins: [externalPackages, jsonAsParse],
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (file.includes("node_modules/") || file.startsWith("<")) continue;
    const stat = statSync(path.join(root, file));
    inputs[file] = [stat.mtimeMs, stat.size];
  }
  const manifest = path.join(base, "manifest.json");
  writeFileSync(`${manifest}.${process.pid}`, JSON.stringify({ build: name, inputs }));
  renameSync(`${manifest}.${process.pid}`, manifest);
  for (const old of readdirSync(base)) {
    const folder = path.join(base, old);
    if (old.startsWith("build-") && old !== name && Date.now() - statSync(folder).mtimeMs > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
  }
  return { dir: path.join(base, name), files: Object.keys(inputs).length };
}

// Packages stay in node_modules, loaded at run time (Prisma's runtime, pg, iconv-lite …); only our TypeScript is
// bundled. Path aliases ("@/…") are ours, not packages.
const externalPackages = {
  name: "external-packages",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./@]|^@[^/]/ }, (args) => (args.kind === "entry-point" ? undefined : { external: true }));
  },
};

// JSON data (the gazetteer, the codebook) as JSON.parse of a string rather than esbuild's object literal: V8 reads
// JSON several times faster than it compiles and runs the same literal, and every command starts by loading it.
const jsonAsParse = {
  name: "json-as-parse",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, "utf8")));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { files } = await buildCli();
  console.log(`atlas command line built from ${files} files in ${(performance.now() - started).toFixed(0)} ms (bin/atlas)`);
}
