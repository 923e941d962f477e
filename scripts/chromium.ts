/**
 * How our browser tests (`pnpm test:browser`) and the browser demo's end-to-end test launch Chromium:
 * Debian's `/usr/bin/chromium` (browser downloads are impossible on our machines), or the build that
 * `TENSORSEQ_CHROMIUM` names. Playwright's `launch()` gives each run a fresh, temporary --user-data-dir.
 */
export const chromiumPath = process.env.TENSORSEQ_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium on a closed network: no background connections, no GPU, no sandbox (CI runs as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
