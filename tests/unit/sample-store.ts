/** A store loaded with the bundled data/ through the same ingestion path the app uses. */
import { readFileSync } from 'node:fs';
import { ingestBytes, Store } from '../../src/lib/db';
import { createNodeEngine } from '../../src/lib/db/engine-node';

export const BUNDLED = ['indicators.csv', 'units.csv', 'observations.csv'];

export async function openSampleStore() {
	const store = await Store.open(await createNodeEngine());
	const outcomes = [];
	for (const name of BUNDLED) {
		const bytes = new Uint8Array(readFileSync(`data/${name}`));
		outcomes.push(
			await ingestBytes(store, bytes, name, {
				dictionary: await store.indicators(),
				units: await store.units()
			})
		);
	}
	const indicators = await store.indicators();
	return { store, outcomes, indicators, dictionary: new Map(indicators.map((i) => [i.code, i])) };
}
