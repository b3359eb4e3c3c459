// Atomic writes and schema-checked JSON, used by every stage that reads or writes a file. The only door.
export { OWNED_MARKER, isOwned, markOwned, removeStaleTemporaries, replaceFolder, temporaryPath, writeFileAtomic, writeFileDurable } from './atomic-file.ts';
export { GoldenFileError, fieldError, lazyRecord, loadValidatedJson, parseValidatedJson, readGoldenFile } from './validated-json.ts';
export { readErrorCode, readRegularFile } from './regular-file.ts';
