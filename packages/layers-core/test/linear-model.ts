import { Dense, Sequential, SGD } from '../src/index';

/** y = 2x; SGD converges, and a learning rate that is too big diverges (a val_loss that rises). */
export function linear(lr: number) {
  const model = new Sequential({
    layers: [new Dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'zeros' })],
  });
  model.compile({ optimizer: new SGD({ learningRate: lr }), loss: 'mse' });
  const x = [[1], [2], [3], [4]];
  const y = [[2], [4], [6], [8]];
  return { model, x, y };
}
