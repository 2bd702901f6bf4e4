import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { fill, loadLocale, saveLocale } from '../../src/lib/i18n/locale';
import { vi } from '../../src/lib/i18n/vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
	it('have the same keys', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
	});

	it('have no empty message and the same placeholders in both languages', () => {
		for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
			expect(vi[key].trim(), key).not.toBe('');
			expect(en[key].trim(), key).not.toBe('');
			expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
		}
	});

	it('fills placeholders and keeps unknown ones visible', () => {
		expect(fill('{n} tệp, {x}', { n: 3 })).toBe('3 tệp, {x}');
	});

	it('remembers the chosen language, Vietnamese by default', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		};
		expect(loadLocale(storage)).toBe('vi');
		saveLocale('en', storage);
		expect(loadLocale(storage)).toBe('en');
		store.set('chi-so:locale', 'fr');
		expect(loadLocale(storage)).toBe('vi');
	});
});
