// Shared vitest setup (vitest.workspace.ts lists it for every project that uses tfjs): selects the
// backend TENSORSEQ_BACKEND names, through its adapter, and says once per worker which one runs.
import { envVar } from '#host-files';
import { useTestBackend } from './test-backend';

const name = await useTestBackend();
const flag = '__TENSORSEQ_TEST_BACKEND_PRINTED';
if (!(globalThis as Record<string, unknown>)[flag]) {
  (globalThis as Record<string, unknown>)[flag] = true;
  console.log(
    `[tensorseq] tests run on the "${name}" backend (TENSORSEQ_BACKEND=${envVar('TENSORSEQ_BACKEND') ?? 'unset'})`,
  );
}
