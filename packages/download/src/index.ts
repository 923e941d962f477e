export { type ByteSource, byteChunks, readBytes } from './byte-source';
export { DownloadError, type DownloadErrorCode } from './download-error';
export { listZipEntries } from './list-zip-entries';
export { openZipEntry } from './open-zip-entry';
export { describeSource, type ReadTarGzEntriesOptions, readTarGzEntries } from './read-tar-gz-entries';
export type { TarEntry, TarEntryType } from './tar-entries';
export type { ZipEntry } from './zip-directory';
export type { ZipSourceOptions } from './zip-source';
