import { describe, expect, it } from 'vitest';
import { indicatorNote } from './note';

describe('indicatorNote', () => {
	it('gives the note of the chosen language, the other one when that language has none', () => {
		const both = { notes_vi: 'Theo báo cáo sơ kết 3 năm', notes_en: 'From the 3-year review report' };
		expect(indicatorNote(both, 'vi')).toBe('Theo báo cáo sơ kết 3 năm');
		expect(indicatorNote(both, 'en')).toBe('From the 3-year review report');
		expect(indicatorNote({ notes_vi: 'Chỉ tiếng Việt', notes_en: '' }, 'en')).toBe('Chỉ tiếng Việt');
		expect(indicatorNote({ notes_vi: '', notes_en: 'English only' }, 'vi')).toBe('English only');
		expect(indicatorNote({ notes_vi: '', notes_en: '' }, 'vi')).toBe('');
	});
});
