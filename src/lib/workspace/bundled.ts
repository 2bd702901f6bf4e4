/** The dataset the app opens with (data/), in load order: the dictionary and units come first. */
import indicatorsUrl from '$data/indicators.csv?url';
import unitsUrl from '$data/units.csv?url';
import observationsUrl from '$data/observations.csv?url';

export const BUNDLED_FILES = [
	{ name: 'indicators.csv', url: indicatorsUrl },
	{ name: 'units.csv', url: unitsUrl },
	{ name: 'observations.csv', url: observationsUrl }
] as const;
