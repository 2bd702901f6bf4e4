/** Text for a change of rank between two periods; the states themselves come from `model/rank`. */
import type { RankChange } from '$lib/model/rank';
import type { Locale } from './number';

export type { RankChange };

/** `▲2`, `▼1`, `–` (same rank), `mới`/`new` (no rank last time); '' when there is nothing to compare. */
export function formatRankChange(change: RankChange, locale: Locale): string {
	switch (change.kind) {
		case 'up':
			return `▲${change.by}`;
		case 'down':
			return `▼${change.by}`;
		case 'same':
			return '–';
		case 'new':
			return locale === 'vi' ? 'mới' : 'new';
		case 'none':
			return '';
	}
}
