/**
 * The demo page end to end in Debian's Chromium (playwright-core, no browser download): build with Vite,
 * serve with `vite preview`, score a positive and a negative review, train the GRU two epochs, save it to
 * IndexedDB, reload the page, load it back and check it forecasts the same, then take a screenshot.
 * Run: pnpm --filter browser-demo e2e   (TENSORSEQ_CHROMIUM=/path overrides /usr/bin/chromium; --no-build reuses dist/)
 * The screenshot goes to .tmp/screenshot.png, so CI leaves the tree clean; --update-screenshot writes the
 * committed screenshot.png that the READMEs show.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOT = process.argv.includes('--update-screenshot')
  ? join(ROOT, 'screenshot.png')
  : join(ROOT, '.tmp', 'screenshot.png');
const POSITIVE =
  'This is one of the best films I have ever seen. The acting is wonderful, the story is moving and beautifully told, and I loved every minute of it. A brilliant, excellent movie.';
const NEGATIVE =
  'This was the worst movie I have ever seen. The plot made no sense, the acting was terrible and the dialogue was awful. A boring, stupid waste of time and money.';

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`browser-demo e2e: ${message}`);
  console.log(`ok - ${message}`);
}

async function typeReview(page: Page, text: string): Promise<number> {
  await page.fill('#review', '');
  await page.locator('#review').pressSequentially(text);
  await page.waitForFunction(
    (expected) => document.querySelector<HTMLElement>('#score')?.dataset.scored === expected,
    text,
  );
  return Number(await page.getAttribute('#score', 'data-probability'));
}

async function waitForState(page: Page, state: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const s = document.querySelector<HTMLElement>('#train-status')?.dataset.state;
      if (s === 'error') throw new Error(document.querySelector('#train-status')?.textContent ?? 'error');
      return s === wanted;
    },
    state,
    { timeout, polling: 100 },
  );
}

async function forecasts(page: Page): Promise<number[]> {
  return JSON.parse((await page.getAttribute('#forecasts', 'data-predictions')) ?? '[]') as number[];
}

async function open(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 60_000 });
  check(
    (await page.getAttribute('body', 'data-ready')) === 'true',
    `the page starts (${await page.textContent('#backend')})`,
  );
  return page;
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!process.argv.includes('--no-build')) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('browser-demo e2e: vite preview gave no URL');
  const profile = await mkdtemp(join(tmpdir(), 'browser-demo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const errors: string[] = [];
  try {
    let page = await open(context, url, errors);
    const isolated = await page.evaluate(() => ({
      isolated: globalThis.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
    }));
    const backendLine = (await page.textContent('#backend')) ?? '';
    console.log(`backend: ${backendLine}`);
    check(isolated.isolated, 'the page is cross-origin isolated (COOP + COEP)');
    if (isolated.cores > 1)
      check(/tensorseq kernels: [2-4] threads/.test(backendLine), 'the kernels run on Web Worker threads');
    const negative = await typeReview(page, NEGATIVE);
    const positive = await typeReview(page, POSITIVE);
    console.log(`positive review: ${positive.toFixed(4)}, negative review: ${negative.toFixed(4)}`);
    check(positive > 0.5 && negative < 0.5, 'the two reviews score on opposite sides of 0.5');

    await page.fill('#epochs', '2');
    await page.click('#train');
    await waitForState(page, 'trained', 120_000);
    console.log(await page.textContent('#train-status'));
    const trained = await forecasts(page);
    check(trained.length === 6 && trained.every(Number.isFinite), 'two epochs train and forecast 6 windows');
    check((await page.getAttribute('#progress', 'value')) === '1', 'the progress bar is full');
    check((await page.locator('#chart .val-point').count()) === 2, 'the chart shows 2 validation points');
    await page.click('#save');
    await waitForState(page, 'saved', 30_000);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`wrote ${SCREENSHOT}`);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    page = context.pages()[0];
    await page.click('#load');
    await waitForState(page, 'loaded', 30_000);
    const reloaded = await forecasts(page);
    const gap = Math.max(...reloaded.map((v, i) => Math.abs(v - trained[i])));
    check(
      reloaded.length === trained.length && gap <= 1e-6,
      `the reloaded model forecasts the same (max gap ${gap})`,
    );
    check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  console.log(`browser-demo e2e passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
