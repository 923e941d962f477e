import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExperimentInfo } from '../experiment-info';

/** Every example's experiments, from its `src/catalog.ts` (the `*_CATALOG` export). */
export interface ExampleCatalog {
  example: string;
  experiments: Record<string, ExperimentInfo>;
}

/**
 * Imports `examples/<example>/src/catalog.ts` of every example that has one (run under tsx).
 *
 * @param examplesDir - the repository's `examples` folder.
 * @returns the catalogs, by example name.
 * @example
 * (await loadCatalogs('examples')).map((c) => c.example); // → ['conv1d', 'imdb-embedding', …]
 */
export async function loadCatalogs(examplesDir: string): Promise<ExampleCatalog[]> {
  const catalogs: ExampleCatalog[] = [];
  for (const example of readdirSync(examplesDir).sort()) {
    const file = join(examplesDir, example, 'src', 'catalog.ts');
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const key = Object.keys(module).find((k) => k.endsWith('CATALOG'));
    if (key) catalogs.push({ example, experiments: module[key] as Record<string, ExperimentInfo> });
  }
  return catalogs;
}
