// Browser only (`.browser.test.ts`: the Node run leaves it out): `save('downloads://name')` offers the two
// files a user keeps, and they load back once served next to each other, as an app would host them.
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dense, Embedding, Flatten, loadModel, Sequential, setGlobalSeed } from '../src/index';
import './helpers';
import { startModelServer } from './model-server';

/** The part of the DOM used here (the package compiles without the DOM library). */
type Anchor = { href: string; download: string; click(): void };
const dom = globalThis as unknown as {
  HTMLAnchorElement: { prototype: Anchor };
  HTMLElement: { prototype: Anchor };
};

afterEach(() => vi.restoreAllMocks());

describe('save to a browser download', () => {
  it('downloads name.json and name.weights.bin, which load back from a URL', async () => {
    setGlobalSeed(11);
    const model = new Sequential({
      layers: [
        new Embedding({ inputDim: 20, outputDim: 3, inputLength: 4 }),
        new Flatten(),
        new Dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: 'adam', loss: 'mse' });
    model.trainOnBatch(tf.tensor2d([[1, 2, 3, 4]], [1, 4], 'int32'), tf.tensor2d([[1]]));
    // The real click goes through (Chromium downloads the blobs); the spy only records what was offered.
    const offered: { name: string; bytes: Promise<Uint8Array> }[] = [];
    const click = vi.spyOn(dom.HTMLAnchorElement.prototype, 'click');
    click.mockImplementation(function (this: Anchor) {
      const bytes = fetch(this.href).then(async (r) => new Uint8Array(await r.arrayBuffer()));
      offered.push({ name: this.download, bytes });
      dom.HTMLElement.prototype.click.call(this);
    });
    await model.save('downloads://sentiment');
    expect(offered.map((f) => f.name)).toEqual(['sentiment.json', 'sentiment.weights.bin']);
    const server = await startModelServer();
    for (const f of offered) await server.put(`/dl/${f.name}`, await f.bytes);
    const loaded = await loadModel(server.url('/dl/sentiment.json'));
    const weights = (m: Sequential) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(loaded)).toEqual(weights(model));
    expect(loaded.optimizer?.getState()).toEqual(model.optimizer?.getState());
    model.dispose();
    loaded.dispose();
  });
});
