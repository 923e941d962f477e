import type { SentimentModel, SentimentScore } from './sentiment-model';

/** The page elements of the sentiment panel. */
export interface SentimentPanelElements {
  review: HTMLTextAreaElement;
  /** Carries `data-scored` (the text last scored) and `data-probability`. */
  score: HTMLElement;
  bar: HTMLElement;
  detail: HTMLElement;
  about: HTMLElement;
}

/**
 * Scores the review box as the user types: each input schedules a score of the latest text, and only
 * one runs at a time, so fast typing never queues stale work.
 *
 * @param el - the panel's elements.
 * @param model - the loaded IMDB classifier.
 * @example
 * setupSentimentPanel(elements, await loadSentimentModel(folderUrl));
 */
export function setupSentimentPanel(el: SentimentPanelElements, model: SentimentModel): void {
  const { info } = model;
  const command = document.createElement('code');
  command.textContent = info.command;
  el.about.replaceChildren(
    `${info.title}, ${info.params.toLocaleString('en')} parameters, trained ${info.epochs} epochs on the IMDB reviews (validation accuracy ${info.valAcc.toFixed(3)}) by `,
    command,
  );
  let pending: string | null = null;
  let running = false;
  const drain = async () => {
    running = true;
    while (pending !== null) {
      const text = pending;
      pending = null;
      render(el, text, await model.score(text), info.preprocessing.numWords - 3);
    }
    running = false;
  };
  el.review.addEventListener('input', () => {
    pending = el.review.value;
    if (!running) void drain();
  });
  pending = el.review.value;
  void drain();
}

function render(el: SentimentPanelElements, text: string, s: SentimentScore, vocabulary: number): void {
  el.score.dataset.scored = text;
  el.score.dataset.probability = String(s.probability);
  if (s.words === 0) {
    el.score.textContent = 'Type a review';
    el.score.className = 'score';
    el.bar.style.width = '0%';
    el.detail.textContent = '';
    return;
  }
  const positive = s.probability >= 0.5;
  el.score.textContent = `${positive ? 'Positive' : 'Negative'} · ${s.probability.toFixed(3)}`;
  el.score.className = `score ${positive ? 'positive' : 'negative'}`;
  el.bar.style.width = `${(s.probability * 100).toFixed(1)}%`;
  el.bar.className = `bar-fill ${positive ? 'positive' : 'negative'}`;
  el.detail.textContent = `P(positive) from ${s.words} word${s.words === 1 ? '' : 's'}, ${s.known} of them among the ${vocabulary.toLocaleString('en')} most frequent IMDB words`;
}
