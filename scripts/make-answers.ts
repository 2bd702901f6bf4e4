/**
 * Writes data/overview-answers.json: the overview's answers (both groupings) for the bundled data,
 * computed by the app's own queries in Node's DuckDB, with the bundled data's version. A first visit
 * in local mode draws them until DuckDB has opened in the browser. Run after changing data/ (a unit
 * test, tests/unit/answers.test.ts, fails until then):
 *
 *   npm run answers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ingestBytes, Store } from '../src/lib/db';
import { createNodeEngine } from '../src/lib/db/engine-node';
import { dataFingerprint } from '../src/lib/db/fingerprint';
import { localVersion, withAnswers, type KeptAnswers } from '../src/lib/views/answers-store';
import { overviewAnswers, overviewKey, storeSource } from '../src/lib/views/overview-answers';

export const BUNDLED_ANSWERS = 'data/overview-answers.json';
const BUNDLED = ['indicators.csv', 'units.csv', 'observations.csv'];

/** The bundled data in a store, through the same ingestion path the app uses. */
export async function bundledStore(): Promise<Store> {
	const store = await Store.open(await createNodeEngine());
	for (const name of BUNDLED)
		await ingestBytes(store, new Uint8Array(readFileSync(`data/${name}`)), name, {
			dictionary: await store.indicators(),
			units: await store.units()
		});
	return store;
}

/** The answers record a first visit draws from (its time fixed, so the file changes only with the data). */
export async function bundledAnswers(store: Store): Promise<KeptAnswers> {
	const indicators = await store.indicators();
	const units = await store.units();
	const dictionary = new Map(indicators.map((i) => [i.code, i]));
	const version = localVersion(await dataFingerprint(store));
	let record: KeptAnswers | null = null;
	for (const grouping of ['unit', 'successor'] as const) {
		const answers = await overviewAnswers(storeSource(store, dictionary), dictionary, grouping);
		const key = overviewKey(grouping === 'unit' ? 'unit' : 'successor');
		record = withAnswers(record, version, { indicators, units }, key, answers, new Date(0));
	}
	return record!;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const store = await bundledStore();
	const record = await bundledAnswers(store);
	writeFileSync(BUNDLED_ANSWERS, JSON.stringify(record) + '\n');
	await store.engine.close();
	console.log(`${BUNDLED_ANSWERS}: ${record.version}`);
}
