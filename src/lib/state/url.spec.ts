import { describe, expect, it, vi } from 'vitest';
import { href, parse, urlState, write, type UrlAccess } from './url';

const DEFAULTS = { u: [] as string[], ref: '', y: '', from: 0, v: '', merged: false, page: 1 };
const RULES = { ref: ['median', 'town', 'none'], v: ['', '2025'] };
const sp = (s: string) => new URLSearchParams(s);

describe('parse', () => {
	it('gives the defaults for an empty URL', () => {
		expect(parse(sp(''), DEFAULTS, RULES)).toEqual(DEFAULTS);
	});

	it('reads text, numbers, yes/no and repeated keys as lists', () => {
		const state = parse(
			sp('u=Ph%E1%BB%95+An&u=Nguy%E1%BB%85n+Nghi%C3%AAm&ref=town&y=2023&from=2022&merged=1&page=3'),
			DEFAULTS,
			RULES
		);
		expect(state).toEqual({
			...DEFAULTS,
			u: ['Phổ An', 'Nguyễn Nghiêm'],
			ref: 'town',
			y: '2023',
			from: 2022,
			merged: true,
			page: 3
		});
	});

	it('falls back to the default for invalid values', () => {
		const state = parse(sp('ref=mean&from=20x1&merged=maybe&page=1.5&v=2024'), DEFAULTS, RULES);
		expect(state).toEqual(DEFAULTS);
	});

	it('normalises text to NFC and drops blanks and duplicates from lists', () => {
		const nfd = 'Pho\u0302\u0309 An';
		const state = parse(sp(`u=${encodeURIComponent(nfd)}&u=&u=Ph%E1%BB%95+An`), DEFAULTS);
		expect(state.u).toEqual(['Phổ An']);
	});

	it('ignores keys it does not know', () => {
		expect(parse(sp('zzz=1&u=A'), DEFAULTS).u).toEqual(['A']);
	});

	it('takes the last of repeated single keys', () => {
		expect(parse(sp('y=2022&y=2023'), DEFAULTS).y).toBe('2023');
	});

	it('reads an explicit empty list against a non-empty default', () => {
		const defaults = { i: ['a', 'b'] };
		expect(parse(sp('i='), defaults).i).toEqual([]);
		expect(parse(sp(''), defaults).i).toEqual(['a', 'b']);
	});
});

describe('write', () => {
	it('leaves out every key at its default', () => {
		expect(write(DEFAULTS, DEFAULTS).toString()).toBe('');
		expect(write({ ...DEFAULTS, y: '2023' }, DEFAULTS).toString()).toBe('y=2023');
	});

	it('writes lists as repeated keys and yes/no as 1/0', () => {
		const params = write({ ...DEFAULTS, u: ['Phổ An', 'Phổ Ninh'], merged: true }, DEFAULTS);
		expect(params.getAll('u')).toEqual(['Phổ An', 'Phổ Ninh']);
		expect(params.get('merged')).toBe('1');
	});

	it('writes an empty list against a non-empty default as an explicit empty key', () => {
		const defaults = { i: ['a', 'b'] };
		expect(write({ i: [] }, defaults).toString()).toBe('i=');
	});

	it('round-trips through parse', () => {
		const state = {
			...DEFAULTS,
			u: ['Nguyễn Nghiêm', 'Phổ Châu'],
			ref: 'none',
			from: 2021,
			v: '2025',
			page: 2
		};
		expect(parse(write(state, DEFAULTS), DEFAULTS, RULES)).toEqual(state);
	});

	it('keeps the order of the defaults', () => {
		const params = write({ ...DEFAULTS, page: 4, u: ['A'] }, DEFAULTS);
		expect([...params.keys()]).toEqual(['u', 'page']);
	});
});

describe('href', () => {
	it('drops the question mark when nothing is chosen', () => {
		expect(href('/compare', sp(''))).toBe('/compare');
		expect(href('/compare', sp('u=A'))).toBe('/compare?u=A');
	});
});

describe('urlState', () => {
	const access = (initial: string) => {
		let url = new URL(initial, 'http://x');
		const navigate = vi.fn((to: string) => {
			url = new URL(to, 'http://x');
		});
		const a: UrlAccess = { search: () => url.searchParams, pathname: () => url.pathname, navigate };
		return { a, navigate, url: () => url.pathname + url.search };
	};

	it('pushes deliberate choices and replaces for typing', () => {
		const { a, navigate, url } = access('/indicators/x');
		const state = urlState(a, DEFAULTS, RULES);
		state.set({ y: '2023' });
		expect(navigate).toHaveBeenLastCalledWith('/indicators/x?y=2023', 'push');
		state.set({ ref: 'town' }, 'replace');
		expect(navigate).toHaveBeenLastCalledWith('/indicators/x?ref=town&y=2023', 'replace');
		expect(state.get()).toMatchObject({ y: '2023', ref: 'town' });
		expect(url()).toBe('/indicators/x?ref=town&y=2023');
	});

	it('does not navigate when nothing changes, and a default removes its key', () => {
		const { a, navigate, url } = access('/data?page=2');
		const state = urlState(a, DEFAULTS, RULES);
		state.set({ page: 2 });
		expect(navigate).not.toHaveBeenCalled();
		state.set({ page: 1 });
		expect(url()).toBe('/data');
	});

	it('builds links with a patch applied, to this or another page', () => {
		const { a } = access('/units?v=2025');
		const state = urlState(a, DEFAULTS, RULES);
		expect(state.link({ y: '2022' })).toBe('/units?y=2022&v=2025');
		expect(state.link({}, '/compare')).toBe('/compare?v=2025');
	});
});
