/** The one door to DuckDB. */
export type { Engine, Param, Row } from './engine';
export {
	Store,
	type CommitOptions,
	type CommitSummary,
	type DiffRow,
	type DiffSummary,
	type ImportSource,
	type Snapshot
} from './store';
export { bulkImport, canonicalHeader, BULK_MIN_BYTES, type BulkImport } from './bulk';
export { seriesQuery, type Grouping, type SeriesOptions, type SeriesRow, type Query } from './series';
export { ingestBytes, commitResult, type IngestOutcome } from './ingest';
export { replaceWithCanonical, stagedObservations } from './canonical';
export { applyChanges, type CellKey, type Changes } from './changes';
export { undoPreview, type UndoCounts } from './undo-preview';
