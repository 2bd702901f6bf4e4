/**
 * The overview's answers for the bundled data, made with the app's own queries when the data was
 * (scripts/make-answers.ts → data/overview-answers.json; a unit test fails when they no longer match
 * the data). Local mode draws them on a first visit, as kept answers, until DuckDB has opened.
 */
import bundledAnswersUrl from '$data/overview-answers.json?url';
import { drawable, type KeptAnswers } from './answers-store';

/** The kept record; without one, in local mode, the build's answers for the bundled data. */
export async function keptOrBundled(
	record: Promise<KeptAnswers | null>,
	server: boolean
): Promise<KeptAnswers | null> {
	const kept = await record;
	if (kept || server) return kept;
	try {
		const response = await fetch(bundledAnswersUrl);
		const bundled: unknown = response.ok ? await response.json() : null;
		return drawable(bundled, false) ? bundled : null;
	} catch {
		return null;
	}
}
