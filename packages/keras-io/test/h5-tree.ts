import { unzipSync } from 'fflate';
import { type H5Group, readH5 } from '../src/h5';

/** One node of an HDF5 file: its kind, dataset dtype/shape, and attribute dtypes. */
export interface H5Node {
  type: string;
  dtype?: string;
  shape?: number[];
  attrs: Record<string, string>;
}

/** Every group and dataset of an HDF5 file, by path. */
export async function h5Tree(bytes: Uint8Array): Promise<Map<string, H5Node>> {
  return readH5(
    bytes,
    (file) => {
      const tree = new Map<string, H5Node>();
      const attrs = (g: H5Group) =>
        Object.fromEntries(
          Object.entries(g.attrs).map(([name, a]) => [name, String((a as { dtype: unknown }).dtype)]),
        );
      tree.set('/', { type: 'Group', attrs: attrs(file) });
      const walk = (group: H5Group, prefix: string) => {
        for (const key of group.keys()) {
          const child = group.get(key) as H5Group & { type: string; dtype?: unknown; shape?: number[] };
          const path = `${prefix}/${key}`;
          tree.set(path, {
            type: child.type,
            ...(child.type === 'Dataset' ? { dtype: String(child.dtype), shape: child.shape ?? [] } : {}),
            attrs: attrs(child),
          });
          if (child.type === 'Group') walk(child, path);
        }
      };
      walk(file, '');
      return tree;
    },
    'h5Tree',
  );
}

/** The string value of one attribute. */
export async function h5Attribute(bytes: Uint8Array, path: string, name: string): Promise<unknown> {
  return readH5(bytes, (file) => (file.get(path) as H5Group).attrs[name]?.value, 'h5Attribute');
}

/** The members of a zip `.keras` file. */
export function unzipKeras(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
