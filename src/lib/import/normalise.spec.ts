import { describe, expect, it } from 'vitest';
import { looseKey, normaliseKey, stripParenthetical } from './normalise';
import { closest, editDistance } from './suggest';

describe('normaliseKey', () => {
	it('strips diacritics, đ included, lowercases and collapses spaces', () => {
		expect(normaliseKey('  Phường   Nguyễn Nghiêm ')).toBe('phuong nguyen nghiem');
		expect(normaliseKey('ĐỨC PHỔ')).toBe('duc pho');
		expect(normaliseKey('đơn vị')).toBe('don vi');
	});

	it('treats decomposed (NFD) and composed text alike', () => {
		const nfd = 'Nguyễn Nghiêm'.normalize('NFD');
		expect(nfd).not.toBe('Nguyễn Nghiêm');
		expect(normaliseKey(nfd)).toBe(normaliseKey('Nguyễn Nghiêm'));
	});

	it('drops invisible characters and turns punctuation into spaces in looseKey', () => {
		expect(normaliseKey('\ufeffĐơn\u200b vị')).toBe('don vi');
		expect(looseKey('Phường/Xã')).toBe('phuong xa');
		expect(looseKey('name_vi')).toBe('name vi');
		expect(stripParenthetical('Tổng số đơn (đơn)')).toBe('Tổng số đơn');
	});
});

describe('suggestions', () => {
	it('measures edit distance', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('abc', 'abc')).toBe(0);
		expect(editDistance('abcdef', 'x', 2)).toBe(3);
	});

	it('offers up to three closest labels, nearest first', () => {
		const c = ['pho an', 'pho phong', 'pho minh', 'pho vinh', 'duc pho'].map((k) => ({
			key: k,
			label: k.toUpperCase()
		}));
		expect(closest('pho anh', c)[0]).toBe('PHO AN');
		expect(closest('pho vin', c)).toHaveLength(3);
		expect(closest('zzzzzzzzzzzzzzzzzzzzzz', c)).toEqual([]);
		expect(closest('x'.repeat(5000), c)).toEqual([]);
	});
});
