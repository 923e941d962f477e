#!/usr/bin/env node
// `pnpm bench [suite...]` runs bench/<suite>/*.bench.ts, each file in its own process (so peak RSS is
// per benchmark). Without arguments, every suite runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = 'bench';
const suites = readdirSync(benchDir).filter(
  (d) => statSync(join(benchDir, d)).isDirectory() && !['node_modules', 'results', 'src'].includes(d),
);
// `--backend` is the backend suite (tensorseq on wasm vs tfjs-layers on wasm vs tensorseq on cpu).
const wanted = process.argv
  .slice(2)
  .map((a) => (a === '--backend' ? 'backend' : a))
  .filter((a) => !a.startsWith('-'));
for (const w of wanted) {
  if (!suites.includes(w)) {
    console.error(`bench: suite must be one of ${suites.join(', ')}. Received: suite=${w}.`);
    process.exit(2);
  }
}
let failed = 0;
for (const suite of wanted.length ? wanted : suites) {
  const files = readdirSync(join(benchDir, suite))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    console.log(`\n### ${suite}/${file}`);
    const r = spawnSync(
      process.execPath,
      ['--conditions=@tensorseq/source', '--expose-gc', '--import', 'tsx', join(suite, file)],
      { stdio: 'inherit', cwd: benchDir },
    );
    if (r.status !== 0) failed++;
  }
}
if (!existsSync(join(benchDir, 'results'))) console.log('\n(no results written)');
process.exit(failed ? 1 : 0);
