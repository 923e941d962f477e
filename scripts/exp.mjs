#!/usr/bin/env node
// `pnpm exp <name> [args...]` runs the chapter experiment in examples/<name> (its "start" script).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
// `pnpm exp list` prints every experiment; `pnpm exp report` writes examples/RESULTS.md from the results.
if (name === 'list' || name === 'report') {
  const tools = join('examples', 'shared', 'bin', 'exp-tools.ts');
  const result = spawnSync(
    process.execPath,
    ['--conditions=@tensorseq/source', '--import', 'tsx', tools, name, ...args],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
// Only examples with a start script: examples/shared is a library, not an experiment.
const hasStart = (d) => {
  const manifest = join('examples', d, 'package.json');
  return existsSync(manifest) && Boolean(JSON.parse(readFileSync(manifest, 'utf8')).scripts?.start);
};
const available = readdirSync('examples').filter(hasStart);
if (!name || !available.includes(name)) {
  console.error(
    `exp: name must be list, report or one of ${available.join(', ') || '(none yet)'}. Received: name=${name ?? '(missing)'}.`,
  );
  process.exit(2);
}
const result = spawnSync('pnpm', ['--silent', '--dir', join('examples', name), 'start', ...args], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
