import { type Logs, loadModel, type Sequential } from '@tensorseq/layers-core';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import { buildJenaGru } from './jena-model';
import type { JenaWindows } from './jena-windows';
import { LossChart } from './loss-chart';

/** Where the trained model is saved in the browser. */
export const SAVED_MODEL = 'indexeddb://tensorseq-demo-jena-gru';
const BATCH_SIZE = 32;
const SEED = 1337;
const SHOWN_FORECASTS = 6;

/** The page elements of the training panel. */
export interface TrainPanelElements {
  epochs: HTMLInputElement;
  train: HTMLButtonElement;
  save: HTMLButtonElement;
  load: HTMLButtonElement;
  progress: HTMLProgressElement;
  progressText: HTMLElement;
  /** Carries `data-state`: idle, training, trained, saving, saved, loading, loaded or error. */
  status: HTMLElement;
  chart: SVGSVGElement;
  /** Carries `data-predictions`: the model's normalized forecasts for the first validation windows. */
  forecasts: HTMLTableSectionElement;
}

/**
 * Wires the training panel: Train builds the seeded GRU and fits it on the windows with a live loss
 * curve and progress bar, Save writes it to IndexedDB, Load reads it back (after a reload too), and both
 * show the forecasts for the first validation windows, so a round trip can be checked by eye or by test.
 *
 * @param el - the panel's elements.
 * @param data - the Jena windows.
 * @example
 * setupTrainPanel(elements, jenaWindows(subset, options));
 */
export function setupTrainPanel(el: TrainPanelElements, data: JenaWindows): void {
  let model: Sequential | null = null;
  const [, lookback, features] = data.train.x.shape;
  const run = (busy: string, done: string, work: () => Promise<string>) => async () => {
    setBusy(el, true);
    setStatus(el, busy, `${busy[0].toUpperCase()}${busy.slice(1)}…`);
    try {
      setStatus(el, done, await work());
    } catch (error) {
      setStatus(el, 'error', (error as Error).message);
    } finally {
      setBusy(el, false, model !== null);
    }
  };
  el.train.addEventListener(
    'click',
    run('training', 'trained', async () => {
      model?.dispose();
      model = buildJenaGru(lookback, features, SEED);
      const { seconds, valLoss } = await train(el, model, data, Number(el.epochs.value));
      await showForecasts(el, model, data);
      const celsius = (mae: number) => `${(mae * data.temperatureStd).toFixed(2)} °C`;
      return `Trained ${el.epochs.value} epochs in ${seconds.toFixed(1)} s on the wasm backend: validation MAE ${valLoss.toFixed(3)} (${celsius(valLoss)}), common-sense baseline ${data.baselineMae.toFixed(3)} (${celsius(data.baselineMae)}).`;
    }),
  );
  el.save.addEventListener(
    'click',
    run('saving', 'saved', async () => {
      if (!model) throw new Error('Train a model first.');
      await model.save(SAVED_MODEL);
      return `Saved to ${SAVED_MODEL}. Reload the page and press Load to get it back.`;
    }),
  );
  el.load.addEventListener(
    'click',
    run('loading', 'loaded', async () => {
      registerRecurrentLayers();
      const loaded = await loadModel(SAVED_MODEL);
      model?.dispose();
      model = loaded;
      await showForecasts(el, model, data);
      return `Loaded from ${SAVED_MODEL}: its forecasts below.`;
    }),
  );
  setBusy(el, false, false);
}

async function train(
  el: TrainPanelElements,
  model: Sequential,
  data: JenaWindows,
  epochs: number,
): Promise<{ seconds: number; valLoss: number }> {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > 50) {
    throw new RangeError(`Epochs must be an integer from 1 to 50. Received: ${el.epochs.value}.`);
  }
  const steps = Math.ceil(data.train.x.shape[0] / BATCH_SIZE);
  const chart = new LossChart(el.chart, data.baselineMae, steps * epochs, BATCH_SIZE);
  let epoch = 0;
  const started = performance.now();
  const progress = (done: number) => {
    el.progress.value = done / (steps * epochs);
    el.progressText.textContent = `epoch ${Math.min(epoch + 1, epochs)}/${epochs} · step ${done}/${steps * epochs}`;
  };
  progress(0);
  const history = await model.fit(data.train.x, data.train.y, {
    epochs,
    batchSize: BATCH_SIZE,
    validationData: [data.validation.x, data.validation.y],
    callbacks: [
      {
        onEpochBegin: (e: number) => {
          epoch = e;
        },
        onBatchEnd: async (batch: number, logs: Logs) => {
          chart.addBatch(epoch * steps + batch, logs.loss);
          progress(epoch * steps + batch + 1);
          // Let the page paint the curve and the bar between batches.
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
        onEpochEnd: (e: number, logs: Logs) => chart.addEpoch((e + 1) * steps, logs.loss, logs.val_loss),
      },
    ],
  });
  const valLoss = history.history.val_loss.at(-1) ?? Number.NaN;
  // Stays on screen after Save and Load replace the status line.
  el.progressText.textContent += ` · validation MAE ${valLoss.toFixed(3)}, baseline ${data.baselineMae.toFixed(3)}`;
  return { seconds: (performance.now() - started) / 1000, valLoss };
}

async function showForecasts(el: TrainPanelElements, model: Sequential, data: JenaWindows): Promise<void> {
  const [, lookback, features] = data.validation.x.shape;
  const n = SHOWN_FORECASTS;
  const x = {
    data: data.validation.x.data.subarray(0, n * lookback * features),
    shape: [n, lookback, features],
  };
  const y = model.predict(x);
  const predicted = Array.from(await y.data());
  y.dispose();
  const celsius = (v: number) => v * data.temperatureStd + data.temperatureMean;
  el.forecasts.dataset.predictions = JSON.stringify(predicted);
  el.forecasts.replaceChildren(
    ...predicted.map((p, i) => {
      const row = document.createElement('tr');
      const actual = data.validation.y.data[i];
      for (const text of [
        `window ${i + 1}`,
        `${celsius(p).toFixed(2)} °C`,
        `${celsius(actual).toFixed(2)} °C`,
      ]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}

function setStatus(el: TrainPanelElements, state: string, text: string): void {
  el.status.dataset.state = state;
  el.status.textContent = text;
}

function setBusy(el: TrainPanelElements, busy: boolean, haveModel = false): void {
  el.train.disabled = busy;
  el.load.disabled = busy;
  el.save.disabled = busy || !haveModel;
  el.epochs.disabled = busy;
}
