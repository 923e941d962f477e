import './style.css';
import { type JenaSubset, jenaWindows } from './jena-windows';
import { loadSentimentModel } from './sentiment-model';
import { setupSentimentPanel } from './sentiment-panel';
import { setupTrainPanel } from './train-panel';
import { startWasmBackend } from './wasm-backend';

// 5 days of 3-hourly samples predict the temperature 24 h after the last; train on 2009, validate on 2010.
const WINDOWS = { lookback: 40, delay: 8, trainEnd: 2920, trainStride: 1 };

function $<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`browser-demo: the page must have ${selector}.`);
  return found;
}

async function main(): Promise<void> {
  $('#backend').textContent = `Starting the wasm backend…`;
  $('#backend').textContent = await startWasmBackend();
  const [sentiment, subset] = await Promise.all([
    loadSentimentModel(new URL('models/imdb-lstm/', document.baseURI)),
    fetch(new URL('data/jena-2009-2010-3h.json', document.baseURI)).then(
      (r) => r.json() as Promise<JenaSubset>,
    ),
  ]);
  setupSentimentPanel(
    {
      review: $('#review'),
      score: $('#score'),
      bar: $('#score-bar'),
      detail: $('#score-detail'),
      about: $('#sentiment-about'),
    },
    sentiment,
  );
  const data = jenaWindows(subset, WINDOWS);
  $('#jena-about').textContent =
    `${data.train.x.shape[0].toLocaleString('en')} training windows (2009) and ${data.validation.x.shape[0].toLocaleString('en')} validation windows (2010) of ${WINDOWS.lookback} samples × ${subset.columns.length} variables, every ${subset.intervalHours} h; target: the temperature 24 h after the window. Common-sense baseline MAE: ${data.baselineMae.toFixed(3)} (${(data.baselineMae * data.temperatureStd).toFixed(2)} °C).`;
  setupTrainPanel(
    {
      epochs: $('#epochs'),
      train: $('#train'),
      save: $('#save'),
      load: $('#load'),
      progress: $('#progress'),
      progressText: $('#progress-text'),
      status: $('#train-status'),
      chart: $('#chart'),
      forecasts: $('#forecasts'),
    },
    data,
  );
  document.body.dataset.ready = 'true';
}

main().catch((error: Error) => {
  $('#error').textContent = `The demo could not start: ${error.message}`;
  document.body.dataset.ready = 'error';
  throw error;
});
