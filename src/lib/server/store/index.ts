/** The workspace store: imports, undo, snapshot, changes, decks, seed. Server only. */
export { commitImport, listImports, type CommitResult, type ImportEntry } from './imports';
export { undoImport, type UndoResult, type LaterChange } from './undo';
export {
	snapshot,
	changesSince,
	workspaceInfo,
	type StoredObservation,
	type WorkspaceInfo
} from './snapshot';
export { seedIfEmpty, seedDir } from './seed';
export { listDecks, saveDeck, deleteDeck, type Deck } from './decks';
export { loadDictionary, loadUnits } from './lists';
export { replaceList, listsChangedSince, type ListKind, type ListResult } from './reference';
export { audit, nowIso } from './util';
export type { IncomingFile, IncomingRow, Finding } from './recheck';
export { restoreWorkspace, type RestoreResult } from './restore';
