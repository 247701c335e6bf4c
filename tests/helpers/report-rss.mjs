// Loaded with --import into a child process under test: prints its peak memory (MB) on stderr when it exits.
process.on("exit", () => process.stderr.write(`__rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`));
