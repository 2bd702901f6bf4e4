/**
 * The meeting deck the browser tests import, as the app exports it (a deck file): "Giao ban quý
 * IV/2024" with a trend of four units against the median, the 2023 ranking and a heatmap; two slides
 * carry notes, one its own title.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const DECK_NAME = 'Giao ban quý IV/2024';

export const SLIDES = {
	trend: {
		id: 'trend',
		title: 'Tỷ lệ xử lý đơn: bốn đơn vị so với trung vị',
		note: 'Phổ An giảm năm 2023 — hỏi nguyên nhân.',
		spec: {
			version: 1,
			kind: 'trend',
			indicator: 'petition_resolution_rate',
			units: ['Nguyễn Nghiêm', 'Phổ An', 'Phổ Ninh', 'Phổ Quang'],
			from: '2021',
			to: '2024',
			grouping: 'unit',
			reference: 'median'
		}
	},
	ranking: {
		id: 'ranking',
		title: '',
		note: 'Xếp hạng 15 đơn vị năm 2023.',
		spec: {
			version: 1,
			kind: 'ranking',
			indicator: 'petition_resolution_rate',
			units: [],
			year: '2023',
			grouping: 'unit'
		}
	},
	heatmap: {
		id: 'heatmap',
		title: '',
		note: '',
		spec: {
			version: 1,
			kind: 'heatmap',
			indicator: 'petition_cases_received',
			units: [],
			grouping: 'unit'
		}
	}
};

type Slide = (typeof SLIDES)[keyof typeof SLIDES];

/** The deck file of `slides` (all three by default), the deck `q4` current. */
export function deckFile(slides: Slide[] = Object.values(SLIDES)) {
	return {
		kind: 'chi-so/deck',
		version: 1,
		current: 'q4',
		decks: [{ id: 'q4', name: DECK_NAME, created: '2024-12-20T08:00:00.000Z', slides }]
	};
}

/** Imports the deck of `slides` on the deck page, as a person picks the file. */
export async function importDeck(page: Page, slides: Slide[] = Object.values(SLIDES)) {
	await page.goto('/deck');
	await page.getByTestId('deck-import').setInputFiles({
		name: 'giao-ban-quy-iv-2024.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(deckFile(slides)))
	});
	await expect(page.getByTestId('deck-message')).toContainText('Đã nhập 1 buổi họp');
	await expect(page.getByTestId('deck-slide')).toHaveCount(slides.length);
}
