/**
 * The English catalogue of `en.ts` loads on demand: most people read the app in Vietnamese, so its
 * words are not part of the first page's code. `EN` is empty until `loadEnglish()` has run (the app
 * runs it before it shows English: at start when English was chosen, or when the language is switched).
 */
import { loadOnce } from '$lib/util/load-once';
import type { MessageKey } from './vi';

/**
 * The English messages of `en.ts` once loaded; empty before. Reactive: a text worked out before they
 * came (in a `$derived`, a template) is worked out again when they arrive.
 */
export const EN = $state({} as Record<MessageKey, string>);

/** Loads the English catalogue once (later calls share the first; a failed load is tried again). */
export const loadEnglish = loadOnce(() =>
	import('./en').then((m) => {
		Object.assign(EN, m.en);
	})
);
