import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registerConv1dLayers } from '@tensorseq/layers-conv1d';
import { type Callback, type Logs, loadModel, type Sequential } from '@tensorseq/layers-core';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import { restoreSeedStreamState, seedStreamState } from './seed-stream-state';
import '@tensorseq/layers-core/node'; // directory save/load for the checkpoints

/** What `fit` gets from {@link resumableFit}: where to start, and the callbacks to pass on. */
export interface ResumableFitRun {
  /** The first epoch to train (0-based): pass it to `fit` as `initialEpoch`, and skip that many epochs of generator batches. */
  initialEpoch: number;
  /** The checkpoint callback (and the caller's own): pass them to `fit`. */
  callbacks: Callback[];
}

/** Options of {@link resumableFit}. */
export interface ResumableFitOptions {
  /** Where the checkpoint lives; `undefined` keeps none (tests, `--quick`). */
  checkpointDir: string | undefined;
  /** Continue from the checkpoint when there is one. @defaultValue false */
  resume?: boolean;
  /** The run's settings: a checkpoint written under other settings is refused. */
  fingerprint: Readonly<Record<string, unknown>>;
  /** The total epoch count. */
  epochs: number;
  /** A fresh, compiled model (the caller seeds first); not called when a checkpoint is resumed. */
  build(): Sequential;
  /** Trains `model` from `run.initialEpoch` to `epochs` with `run.callbacks`. */
  fit(model: Sequential, run: ResumableFitRun): Promise<unknown>;
  /** More callbacks (progress). @defaultValue none */
  callbacks?: Callback[];
  /** @defaultValue console.log */
  log?: (line: string) => void;
  /** The command that resumes, for the Ctrl-C message. @defaultValue '--resume' */
  resumeHint?: string;
}

/** What {@link resumableFit} returns. */
export interface ResumableFitResult {
  /** The trained model (the caller disposes it). */
  model: Sequential;
  /** Every epoch's logs, the resumed ones included. */
  history: Record<string, number[]>;
  /** Epochs restored from the checkpoint (0 for a fresh run). */
  resumedEpochs: number;
  /** Training wall time spent before this process, in earlier (interrupted) runs. */
  priorSeconds: number;
}

/** `state.json`: the checkpoint's index, written last so it always names a complete model. */
interface CheckpointState {
  format: 'tensorseq-experiment-checkpoint/1';
  fingerprint: Record<string, unknown>;
  /** Epochs completed. */
  epoch: number;
  /** Sub-folder holding the model saved after that epoch (weights + optimizer state). */
  model: string;
  history: Record<string, number[]>;
  /** The global seed stream after that epoch (shuffling and dropout continue from it). */
  seedState: number;
  /** Training wall time so far. */
  seconds: number;
}

const STATE_FILE = 'state.json';

/**
 * Trains a model so that an interrupted run can be continued: after every epoch it saves the model
 * (weights and optimizer state), the history and the global seed stream to `checkpointDir`, atomically;
 * with `resume` it reloads them and trains the remaining epochs, reaching the same weights as an
 * uninterrupted run with the same seed. The checkpoint is removed once training completes.
 *
 * @param options - the model, the fit call, the checkpoint folder.
 * @returns the model, the whole history and what was resumed.
 * @throws Error when the checkpoint was written under other settings.
 * @example
 * const { model, history } = await resumableFit({
 *   checkpointDir: 'results/.checkpoints/lstm', resume: true, fingerprint: { seed: 1337 }, epochs: 10,
 *   build: () => buildModel(),
 *   fit: (m, run) => m.fit(x, y, { epochs: 10, verbose: 0, ...run }),
 * });
 */
export async function resumableFit(options: ResumableFitOptions): Promise<ResumableFitResult> {
  const { checkpointDir: dir, resume = false, epochs, log = console.log } = options;
  const fingerprint = JSON.parse(JSON.stringify(options.fingerprint)) as Record<string, unknown>;
  const saved = dir !== undefined && resume ? await readState(dir) : undefined;
  let model: Sequential;
  let history: Record<string, number[]> = {};
  let initialEpoch = 0;
  let priorSeconds = 0;
  if (saved) {
    const same = JSON.stringify(saved.fingerprint) === JSON.stringify(fingerprint);
    if (!same) {
      throw new Error(
        `resumableFit: the checkpoint in ${dir} must come from a run with the same settings. Received: checkpoint ${JSON.stringify(saved.fingerprint)}, this run ${JSON.stringify(fingerprint)}. To fix this, run with the same flags, or without --resume to start over.`,
      );
    }
    registerRecurrentLayers();
    registerConv1dLayers();
    model = await loadModel(join(dir as string, saved.model));
    // Loading built the layers (drawing initializer seeds): put the stream back where the run left it.
    restoreSeedStreamState(saved.seedState);
    history = saved.history;
    initialEpoch = saved.epoch;
    priorSeconds = saved.seconds;
    log(`Resuming from the checkpoint after epoch ${initialEpoch}/${epochs} in ${dir}.`);
  } else {
    if (resume) log(`No checkpoint in ${dir ?? '(none kept)'}: starting from epoch 1.`);
    model = options.build();
  }

  const started = performance.now();
  let lastModel = saved?.model;
  /** Epochs whose checkpoint is complete on disk (what --resume would restore). */
  let kept = saved?.epoch ?? 0;
  let lastYield = performance.now();
  const checkpoint: Callback = {
    async onBatchEnd() {
      // Training steps chain promises without ever reaching the event loop, where Ctrl-C is delivered:
      // yield to it a few times a second so an interrupt stops the run within a batch, not an epoch.
      if (performance.now() - lastYield < 250) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      for (const [k, v] of Object.entries(logs)) {
        if (!history[k]) history[k] = [];
        history[k].push(v);
      }
      if (dir === undefined) return;
      const name = `epoch-${epoch + 1}`;
      await model.save(join(dir, name));
      const state: CheckpointState = {
        format: 'tensorseq-experiment-checkpoint/1',
        fingerprint,
        epoch: epoch + 1,
        model: name,
        history,
        seedState: seedStreamState(),
        seconds: priorSeconds + (performance.now() - started) / 1000,
      };
      await writeAtomic(join(dir, STATE_FILE), `${JSON.stringify(state)}\n`);
      kept = epoch + 1;
      if (lastModel !== undefined && lastModel !== name) {
        await rm(join(dir, lastModel), { recursive: true, force: true });
      }
      lastModel = name;
    },
  };

  const hint = options.resumeHint ?? '--resume';
  const onSignal = () => {
    log(
      `\nInterrupted. ${dir && kept ? `The checkpoint after epoch ${kept}/${epochs} is in ${dir}; continue with: ${hint}` : 'No completed epoch was kept.'}`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    if (initialEpoch < epochs) {
      await options.fit(model, { initialEpoch, callbacks: [checkpoint, ...(options.callbacks ?? [])] });
    }
  } catch (e) {
    // The checkpoint of the last completed epoch stays on disk for --resume.
    model.dispose();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  return { model, history, resumedEpochs: saved?.epoch ?? 0, priorSeconds };
}

async function readState(dir: string): Promise<CheckpointState | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const state = JSON.parse(text) as CheckpointState;
  if (state?.format !== 'tensorseq-experiment-checkpoint/1') {
    throw new Error(
      `resumableFit: ${join(dir, STATE_FILE)} must be a tensorseq experiment checkpoint. Received: format=${JSON.stringify(state?.format)}. To fix this, delete ${dir} and start over.`,
    );
  }
  return state;
}

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
