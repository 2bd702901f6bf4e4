/** The one door to DuckDB. */
export type { Engine, Param, Row } from './engine';
export { Store, type CommitSummary, type DiffRow, type DiffSummary, type Snapshot } from './store';
export { seriesQuery, type Grouping, type SeriesOptions, type SeriesRow, type Query } from './series';
export { ingestBytes, commitResult, type IngestOutcome } from './ingest';
