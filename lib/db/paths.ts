import path from "node:path";

// Every entry point (next, tsx scripts, vitest) runs with the project root as its working directory.
export const projectRoot = process.env.ATLAS_ROOT ?? process.cwd();
export const dataDir = path.join(projectRoot, ".data");
