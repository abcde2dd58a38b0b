// Preloaded into a `vnkg` process by a test (NODE_OPTIONS=--require): prints the process's peak
// resident memory at exit, so the test can tell whether a large input was held in memory.
process.on('exit', () => {
  process.stderr.write(`max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
