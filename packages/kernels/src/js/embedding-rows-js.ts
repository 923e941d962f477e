/** `out[i, :] = table[ids[i], :]` for rows of `width` floats (ids already checked), four floats per iteration. */
export function gatherRowsJs(table: Float32Array, ids: Int32Array, width: number, out: Float32Array): void {
  const width4 = width - (width % 4);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let from = id * width;
    let to = i * width;
    const end = to + width4;
    while (to < end) {
      out[to] = table[from];
      out[to + 1] = table[from + 1];
      out[to + 2] = table[from + 2];
      out[to + 3] = table[from + 3];
      to += 4;
      from += 4;
    }
    for (let j = width4; j < width; j++) out[i * width + j] = table[id * width + j];
  }
}

/**
 * `out = 0; out[ids[i], :] += x[i, :]`, skipping ids outside `[0, numRows)`. Each output element sums its
 * rows in row order (float32 rounding after every add, as the wasm kernel's f32x4 adds), so both agree
 * to the bit.
 */
export function scatterAddRowsJs(
  x: Float32Array,
  ids: Int32Array,
  numRows: number,
  width: number,
  out: Float32Array,
): void {
  out.fill(0, 0, numRows * width);
  const width4 = width - (width % 4);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0 || id >= numRows) continue;
    let s = i * width;
    let d = id * width;
    const end = d + width4;
    while (d < end) {
      out[d] += x[s];
      out[d + 1] += x[s + 1];
      out[d + 2] += x[s + 2];
      out[d + 3] += x[s + 3];
      d += 4;
      s += 4;
    }
    for (let j = width4; j < width; j++) out[id * width + j] += x[i * width + j];
  }
}
