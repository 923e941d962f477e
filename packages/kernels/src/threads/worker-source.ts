/**
 * The body of a kernels worker thread, as source text: it instantiates the threaded module on the shared
 * memory with its own stack, then serves parallel calls until told to stop: it polls the control block's
 * generation word for `spinMs` after each call (a call that follows within that time starts without a
 * wake-up, which costs tens to hundreds of microseconds on a virtual machine), then sleeps on it, and on
 * each wake-up claims shares of the call (share ids are also the `tid`
 * of the C entry points, which index their scratch) until none is left. The calling thread claims shares
 * the same way, so a worker that the OS has not scheduled (or, in a browser, not started) yet never
 * delays a call.
 *
 * Control block (Int32Array): [0] generation, [1] entry (-1 = stop), [2] argument, [3] shares,
 * [4] shares done, [5] next share to claim, [6] error flag.
 *
 * `serve(data)` takes { module, memory, control, stackTop, entries, spinMs }. Source text (not a separate file)
 * means no worker file to ship, resolve or bundle, in Node or in browsers.
 */
const SERVE_SOURCE = `
function serve({ module, memory, control, stackTop, entries, spinMs }) {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  instance.exports.__stack_pointer.value = stackTop;
  const fns = entries.map((name) => instance.exports[name]);
  const ctrl = new Int32Array(control);
  let seen = 0;
  for (;;) {
    const until = performance.now() + spinMs;
    while (Atomics.load(ctrl, 0) === seen && performance.now() < until) {}
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
}
`;

/** A Node `worker_threads` eval worker: its data arrives as `workerData`. */
export const NODE_WORKER_SOURCE = `${SERVE_SOURCE}
serve(require('node:worker_threads').workerData);
`;

/** A browser dedicated worker: its data arrives as the first message (then the loop never yields). */
export const WEB_WORKER_SOURCE = `${SERVE_SOURCE}
self.onmessage = (event) => serve(event.data);
`;
