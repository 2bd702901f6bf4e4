/** The workspace store: imports, undo, snapshot, changes, decks, seed. Server only. */
export {
	commitImport,
	undoImport,
	listImports,
	type CommitResult,
	type UndoResult,
	type ImportEntry,
	type LaterChange
} from './imports';
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
export { audit, nowIso } from './util';
export type { IncomingFile, IncomingRow, Finding } from './recheck';
