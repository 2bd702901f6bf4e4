import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';
import { compareNames } from '$lib/model/collate';
import { formatRankChange } from './rank';

describe('escapeHtml', () => {
	it('escapes markup and quotes', () => {
		expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
		expect(escapeHtml(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
		expect(escapeHtml('Nguyễn Nghiêm')).toBe('Nguyễn Nghiêm');
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(12)).toBe('12');
	});
});

describe('compareNames', () => {
	it('sorts in Vietnamese order with numbers by value', () => {
		const names = ['Phổ Vinh', 'Đức Phổ', 'Nguyễn Nghiêm', 'Phường 10', 'Phường 2', 'Ân Phổ'];
		expect([...names].sort((a, b) => compareNames(a, b))).toEqual([
			'Ân Phổ',
			'Đức Phổ',
			'Nguyễn Nghiêm',
			'Phổ Vinh',
			'Phường 2',
			'Phường 10'
		]);
	});
});

describe('formatRankChange', () => {
	it('has a sign for each state', () => {
		expect(formatRankChange({ kind: 'up', by: 2 }, 'vi')).toBe('▲2');
		expect(formatRankChange({ kind: 'down', by: 1 }, 'vi')).toBe('▼1');
		expect(formatRankChange({ kind: 'same' }, 'vi')).toBe('–');
		expect(formatRankChange({ kind: 'new' }, 'vi')).toBe('mới');
		expect(formatRankChange({ kind: 'new' }, 'en')).toBe('new');
		expect(formatRankChange({ kind: 'none' }, 'en')).toBe('');
	});
});
