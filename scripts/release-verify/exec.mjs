// Child processes for release:verify. Async on purpose: while a child runs, SIGINT/SIGTERM handlers in the
// parent must still fire so the local registry is stopped (spawnSync would block them until it returns).
import { spawn } from 'node:child_process';

const running = new Set();

/**
 * Kills every child that {@link exec} started and that still runs (used on SIGINT/SIGTERM).
 *
 * @example
 * process.once('SIGTERM', () => { killRunning(); process.exit(143); });
 */
export function killRunning() {
  for (const child of running) killGroup(child);
}

/** Each child leads its own process group, so killing the group also ends what it spawned (pnpm → tsup). */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs a command, capturing stdout and stderr, and never throws on a non-zero exit.
 *
 * @example
 * const { code, output } = await exec('node', ['--version']);
 */
export function exec(command, args, { cwd, env = process.env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code: -1, stdout, output: `${output}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, output });
    });
  });
}

/**
 * The last `lines` lines of a command's output, indented, for failure reports.
 *
 * @example
 * console.log(tail('a\nb\nc', 2)); // '    b\n    c'
 */
export function tail(text, lines = 30) {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}
