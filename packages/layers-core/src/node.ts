// @tensorseq/layers-core/node: the Node-only half of save/load. Importing it makes directory paths work in
// `model.save(dir)`, `loadModel(dir)`, ModelCheckpoint and CSVLogger.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { registerDirectoryStore } from './io/model-handlers';
import { loadDirectory } from './node/directory-load';
import { saveDirectory } from './node/directory-save';

registerDirectoryStore({
  save: saveDirectory,
  load: loadDirectory,
  readText: (path) => readFile(path, 'utf8').catch(() => ''),
  writeText: (path, text) => writeFile(path, text),
  appendText: (path, text) => appendFile(path, text),
});

export { loadDirectory, saveDirectory };
