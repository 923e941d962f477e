/**
 * The environment a Python peer (PyTorch, keras_preprocessing) runs with at its best here: glibc's malloc
 * told to keep freed memory (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_TOP_PAD_`, 1 GB
 * thresholds and 256 MiB of slack on each grow). Without it, every step hands its large arrays back to
 * the kernel and faults them in again: PyTorch's imdb-conv1d step took 288 ms instead of 68, and its
 * imdb-simplernn step anywhere from 46 to 109 ms. Our side runs without any such setting.
 * `BENCH_PEER_MALLOC=0` leaves the peers' malloc alone.
 *
 * @example
 * spawnSync('/usr/bin/python3', [script], { env: peerEnv({ OPENBLAS_NUM_THREADS: '1' }) });
 */
export function peerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keepFreedMemory =
    process.env.BENCH_PEER_MALLOC === '0'
      ? {}
      : {
          MALLOC_MMAP_THRESHOLD_: '1000000000',
          MALLOC_TRIM_THRESHOLD_: '1000000000',
          MALLOC_TOP_PAD_: '268435456',
        };
  return { ...process.env, ...keepFreedMemory, ...extra };
}
