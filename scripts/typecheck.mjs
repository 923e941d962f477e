#!/usr/bin/env node
// `pnpm typecheck`: runs the root TypeScript over every workspace project's tsconfig.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const projects = [
  ...['packages', 'examples'].flatMap((g) => (existsSync(g) ? readdirSync(g).map((d) => join(g, d)) : [])),
  'bench',
].filter((dir) => existsSync(join(dir, 'tsconfig.json')));
const tsc = join('node_modules', '.bin', 'tsc');
let failed = 0;
for (const dir of projects) {
  const r = spawnSync(tsc, ['--noEmit', '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  console.log(`typecheck ${dir}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
