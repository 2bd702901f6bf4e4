import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Every component and page: none may show both languages side by side again (`<span class="en">· English</span>`). */
const CONVERTED = readdirSync('src', { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => `src/${f}`);

/** Words made for one language whatever the chosen one: a formatter or a chart's words asked for 'vi'. */
const FIXED_LOCALE =
	/\b(format\w*|indicatorName|specTitle|specSummary|specSubtitle|loadedTitle|displayTitle|coverageNotes|qualifierLegend|sourceLine)\([^()]*'vi'\s*[,)]/;
/** Both languages in one string: Vietnamese words, a middle dot, then English words (`Tìm · Search units`). */
const SIDE_BY_SIDE = /[À-ỹ][^'"`<>{}\n]* · [A-Z][a-z]+ [a-z]+/;
/** One language of a `{ vi, en }` pair shown as is (`{MERGE_NOTE.vi}`). */
const ONE_OF_PAIR = /\{[\w.?]+\.(vi|en)\}/;

describe('converted components', () => {
	it('show no side-by-side English left over', async () => {
		const { readFileSync } = await import('node:fs');
		for (const file of CONVERTED) {
			const text = readFileSync(file, 'utf8');
			expect(text.includes('<span class="en">'), `${file} still has <span class="en">`).toBe(false);
			expect(/locale:\s*'vi'\s*[,}]|const locale = 'vi'/.test(text), `${file} hard-codes 'vi'`).toBe(false);
			expect(text.match(FIXED_LOCALE)?.[0], `${file} formats for 'vi' only`).toBeUndefined();
			expect(text.match(SIDE_BY_SIDE)?.[0], `${file} shows both languages`).toBeUndefined();
			expect(text.match(ONE_OF_PAIR)?.[0], `${file} shows one language of a pair`).toBeUndefined();
		}
	});

	it('leave no Svelte file with side-by-side English', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.svelte')
		);
		expect(files.length).toBeGreaterThan(20);
		const left = files.filter((f) => readFileSync(`src/${f}`, 'utf8').includes('<span class="en">'));
		expect(left).toEqual([]);
	});
});

/** English's main catalogue is not part of the first page's code: it loads when English is chosen. */
describe('English catalogue on demand', () => {
	it('is imported by nothing but its loader', () => {
		const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
			.filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.spec.ts'))
			.map((f) => `src/${f}`);
		const importers = files.filter((f) =>
			/from ['"](\$lib\/i18n\/en|\.\/en|\.\.\/i18n\/en)['"]/.test(readFileSync(f, 'utf8'))
		);
		expect(importers).toEqual([]);
		expect(readFileSync('src/lib/i18n/english.svelte.ts', 'utf8')).toContain("import('./en')");
	});

	it('switches to English and back', async () => {
		const { i18n, t } = await import('../../src/lib/i18n/index.svelte');
		await i18n.set('en');
		expect(t('app.language')).toBe(en['app.language']);
		await i18n.set('vi');
		expect(t('app.language')).toBe(vi['app.language']);
	});
});
