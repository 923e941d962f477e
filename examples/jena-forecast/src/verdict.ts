/**
 * The main job's one-line verdict: the GRU's best validation MAE against the common-sense baseline, in °C.
 *
 * @param final - `final` of a Jena result: `best_val_loss`, `baseline_mae`, `baseline_mae_celsius`.
 * @returns the sentence.
 * @example
 * verdict({ best_val_loss: 0.27, baseline_mae: 0.2893, baseline_mae_celsius: 2.559 });
 * // → 'Verdict: the GRU forecasts within 2.39 °C on average, the common-sense baseline within 2.56 °C: the GRU beats it by 0.17 °C (6.7%).'
 */
export function verdict(final: Readonly<Record<string, number>>): string {
  const { best_val_loss: model, baseline_mae: baseline, baseline_mae_celsius: baselineC } = final;
  const perUnit = baselineC / baseline;
  const modelC = model * perUnit;
  const gap = Math.abs(baselineC - modelC);
  const share = (100 * gap) / baselineC;
  const head = `Verdict: the GRU forecasts within ${modelC.toFixed(2)} °C on average, the common-sense baseline within ${baselineC.toFixed(2)} °C`;
  return model < baseline
    ? `${head}: the GRU beats it by ${gap.toFixed(2)} °C (${share.toFixed(1)}%).`
    : `${head}: the GRU does not beat it yet (${gap.toFixed(2)} °C worse); train longer (--epochs).`;
}
