/**
 * tensorseq and the PyTorch peer timed in alternating rounds: the machine's speed drifts (other tenants of
 * the host, by up to 1.8x within minutes), and timing one side after the other let a slow minute land
 * on one side only. Alternating rounds expose both sides to the same minutes.
 */
import { median, type StepMeasure, time, trackPeakRss } from './measure';
import type { TorchSession, TorchTiming } from './torch-peer';

export interface InterleavedOptions {
  /** Untimed steps of each side before the first round. */
  warmup: number;
  /** Timed steps per side per round. */
  runs: number;
  /** Rounds: each times `runs` tensorseq steps, then `runs` PyTorch steps. */
  rounds: number;
}

/**
 * Medians over every round of tensorseq's `step` and of the peer's `model` (null without a peer), with
 * tensorseq's peak RSS above its start.
 *
 * @example
 * const { us, torch } = await measureInterleaved(() => model.trainOnBatch(x, y), session, 'jena-gru', {
 *   warmup: 2, runs: 5, rounds: 3,
 * });
 */
export async function measureInterleaved(
  step: () => unknown,
  session: TorchSession | null,
  model: string,
  options: InterleavedOptions,
): Promise<{ us: StepMeasure; torch: TorchTiming | null }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage.rss() / 2 ** 20;
  const rss = trackPeakRss();
  for (let i = 0; i < options.warmup; i++) await step();
  if (session) await session.steps(model, options.warmup, 0);
  const ours = { wall: [] as number[], cpu: [] as number[] };
  const theirs = { wall: [] as number[], cpu: [] as number[] };
  for (let round = 0; round < options.rounds; round++) {
    const t = await time(step, { warmup: 0, runs: options.runs });
    ours.wall.push(...t.runsMs);
    ours.cpu.push(...t.cpuRunsMs);
    if (session) {
      const t = await session.steps(model, 0, options.runs);
      theirs.wall.push(...t.wall);
      theirs.cpu.push(...t.cpu);
    }
  }
  const us = { ms: median(ours.wall), cpuMs: median(ours.cpu), rssMiB: rss.stop() - base };
  return { us, torch: session ? { ms: median(theirs.wall), cpuMs: median(theirs.cpu) } : null };
}
