/**
 * The body of a kernels worker thread, as source text (a Node `worker_threads` eval worker, so the
 * package needs no separate worker file in Node or in bundles). It instantiates the threaded module on
 * the shared memory with its own stack, then serves parallel calls until told to stop: it sleeps on the
 * control block's generation word, and on each wake-up claims shares of the call (share ids are also
 * the `tid` of the C entry points, which index their scratch) until none is left. The calling thread
 * claims shares the same way, so a worker that the OS has not scheduled yet never delays a call.
 *
 * Control block (Int32Array): [0] generation, [1] entry (-1 = stop), [2] argument, [3] shares,
 * [4] shares done, [5] next share to claim, [6] error flag.
 */
export const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, stackTop, entries } = workerData;
const instance = new WebAssembly.Instance(module, { env: { memory } });
instance.exports.__stack_pointer.value = stackTop;
const fns = entries.map((name) => instance.exports[name]);
const ctrl = new Int32Array(control);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  seen = Atomics.load(ctrl, 0);
  for (;;) {
    const share = Atomics.add(ctrl, 5, 1);
    const shares = Atomics.load(ctrl, 3);
    if (share >= shares) break;
    const entry = Atomics.load(ctrl, 1);
    if (entry < 0) break;
    try {
      fns[entry](Atomics.load(ctrl, 2), share, shares);
    } catch {
      Atomics.store(ctrl, 6, 1);
    }
    if (Atomics.add(ctrl, 4, 1) + 1 === shares) Atomics.notify(ctrl, 4);
  }
  if (Atomics.load(ctrl, 1) < 0) break;
}
`;
