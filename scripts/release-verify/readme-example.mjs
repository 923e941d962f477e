// Finds the example release:verify runs from a package README: the first ```js block of the `## Example`
// section. A `<!-- release-verify: skip -->` comment right before that block (blank lines allowed) marks
// an example that needs data or network: the package is then only import-checked.

const EXAMPLE_HEADING = /^##\s+Examples?\s*$/;
const ANY_H1_OR_H2 = /^#{1,2}\s/;
const JS_FENCE = /^```(js|javascript|mjs)\s*$/;
const SKIP_MARKER = /^<!--\s*release-verify:\s*skip\b\s*\(?(.*?)\)?\s*-->$/;

/**
 * Extracts the README example.
 * Returns `{ found: false }`, `{ found: true, skip: true, reason }` or `{ found: true, skip: false, code }`.
 *
 * @example
 * readmeExample('## Example\n\n```js\nconsole.log(1);\n```\n'); // { found: true, skip: false, code: 'console.log(1);\n' }
 */
export function readmeExample(markdown) {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => EXAMPLE_HEADING.test(line));
  if (start === -1) return { found: false };
  let inOtherFence = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      if (!inOtherFence && JS_FENCE.test(line)) return exampleAt(lines, i);
      inOtherFence = !inOtherFence;
      continue;
    }
    // The section ends at the next heading of level 1 or 2 (outside code fences, where `#` is a comment).
    if (!inOtherFence && ANY_H1_OR_H2.test(line)) break;
  }
  return { found: false };
}

function exampleAt(lines, fence) {
  const end = lines.findIndex((line, i) => i > fence && line.trim() === '```');
  if (end === -1) return { found: false };
  const marker = precedingMarker(lines, fence);
  if (marker) return { found: true, skip: true, reason: marker[1] || 'marked skip' };
  return { found: true, skip: false, code: `${lines.slice(fence + 1, end).join('\n')}\n` };
}

function precedingMarker(lines, fence) {
  for (let i = fence - 1; i >= 0; i--) {
    if (lines[i].trim() === '') continue;
    return SKIP_MARKER.exec(lines[i].trim());
  }
  return null;
}
