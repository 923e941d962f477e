// The main entry's exports, with the readers that take paths in place of their universal namesakes.
export * from './index';
export { intoDirAtomically } from './node/atomic-dir';
export { defaultCacheDir } from './node/default-cache-dir';
export { type DownloadOptions, type DownloadProgress, download } from './node/download';
export type { ExtractOptions } from './node/extract-options';
export { extractTarGz } from './node/extract-tar-gz';
export { extractZip } from './node/extract-zip';
export type { NodeByteSource } from './node/file-source';
export { listZipEntries } from './node/list-zip-entries';
export { openZipEntry } from './node/open-zip-entry';
export { readTarGzEntries } from './node/read-tar-gz-entries';
export {
  type DataFileAlternative,
  type ResolveDataFileOptions,
  resolveDataFile,
} from './node/resolve-data-file';
export { sha256File } from './node/sha256-file';
