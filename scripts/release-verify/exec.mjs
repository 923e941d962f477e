// Child processes for release:verify. Async on purpose: while a child runs, SIGINT/SIGTERM handlers in the
// parent must still fire so the local registry is stopped (spawnSync would block them until it returns).
import { spawn } from 'node:child_process';

/**
 * Runs a command, capturing stdout and stderr, and never throws on a non-zero exit.
 *
 * @example
 * const { code, output } = await exec('node', ['--version']);
 */
export function exec(command, args, { cwd, env = process.env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, output: `${output}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
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
