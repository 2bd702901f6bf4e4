import { describe, expect, it } from 'vitest';
import {
	actionFor,
	goTo,
	initialState,
	isFirst,
	isLast,
	KEY_MAP,
	positionLabel,
	Presenter,
	reduce,
	resize,
	type PresenterAction
} from './presenter';

describe('key map', () => {
	it.each([
		['ArrowRight', 'next'],
		['PageDown', 'next'],
		[' ', 'next'],
		['ArrowLeft', 'prev'],
		['PageUp', 'prev'],
		['Home', 'first'],
		['End', 'last'],
		['b', 'blank'],
		['B', 'blank'],
		['.', 'blank'],
		['f', 'fullscreen'],
		['F', 'fullscreen'],
		['Escape', 'exit']
	] as [string, PresenterAction][])('%j → %s', (key, action) => {
		expect(actionFor({ key })).toBe(action);
		expect(KEY_MAP[key]).toBe(action);
	});

	it('ignores other keys, browser shortcuts and typing in fields', () => {
		for (const key of ['a', 'Enter', 'Tab', 'F5', 'ArrowUp', 'ArrowDown', 'x'])
			expect(actionFor({ key })).toBeNull();
		expect(actionFor({ key: 'ArrowRight', altKey: true })).toBeNull(); // Alt+→: browser forward
		expect(actionFor({ key: 'ArrowLeft', metaKey: true })).toBeNull();
		expect(actionFor({ key: 'Home', ctrlKey: true })).toBeNull();
		expect(actionFor({ key: ' ', inField: true })).toBeNull();
	});

	it('repeats move on but do not flicker the blank screen', () => {
		expect(actionFor({ key: 'ArrowRight', repeat: true })).toBe('next');
		expect(actionFor({ key: 'b', repeat: true })).toBeNull();
		expect(actionFor({ key: 'f', repeat: true })).toBeNull();
	});
});

describe('reduce', () => {
	const at = (index: number, count = 5) => initialState(count, index);

	it('moves next and previous, clamped to the deck', () => {
		expect(reduce(at(0), 'next').index).toBe(1);
		expect(reduce(at(4), 'next').index).toBe(4);
		expect(reduce(at(2), 'prev').index).toBe(1);
		expect(reduce(at(0), 'prev').index).toBe(0);
		expect(reduce(at(3), 'first').index).toBe(0);
		expect(reduce(at(1), 'last').index).toBe(4);
	});

	it('returns the same state object when nothing moves', () => {
		const s = at(4);
		expect(reduce(s, 'next')).toBe(s);
		expect(reduce(s, 'exit')).toBe(s);
		expect(reduce(s, 'fullscreen')).toBe(s);
	});

	it('blanks and unblanks; a move key while blank only brings the slide back', () => {
		const blank = reduce(at(2), 'blank');
		expect(blank).toEqual({ index: 2, count: 5, blank: true });
		expect(reduce(blank, 'blank')).toEqual({ index: 2, count: 5, blank: false });
		for (const a of ['next', 'prev', 'first', 'last'] as const)
			expect(reduce(blank, a)).toEqual({ index: 2, count: 5, blank: false });
	});

	it('copes with an empty deck', () => {
		const empty = initialState(0);
		expect(empty).toEqual({ index: 0, count: 0, blank: false });
		for (const a of ['next', 'prev', 'first', 'last'] as const) expect(reduce(empty, a).index).toBe(0);
		expect(positionLabel(empty)).toBe('0 / 0');
		expect(isLast(empty)).toBe(true);
	});

	it('clamps a start index, a jump and a deck that shrank', () => {
		expect(initialState(3, 9).index).toBe(2);
		expect(initialState(3, -2).index).toBe(0);
		expect(initialState(3, NaN).index).toBe(0);
		expect(goTo({ index: 0, count: 4, blank: true }, 2)).toEqual({ index: 2, count: 4, blank: false });
		expect(goTo(at(0, 4), 99).index).toBe(3);
		expect(resize(at(4), 2)).toEqual({ index: 1, count: 2, blank: false });
		expect(resize(at(4), 0).index).toBe(0);
	});

	it('labels the position 1-based', () => {
		expect(positionLabel(at(2, 7))).toBe('3 / 7');
		expect(isFirst(at(0))).toBe(true);
		expect(isLast(at(4))).toBe(true);
		expect(isLast(at(3))).toBe(false);
	});
});

describe('Presenter', () => {
	it('walks a deck by keys and says when to leave', () => {
		const p = new Presenter(3);
		expect(p.key({ key: 'ArrowRight' })).toBe('changed');
		expect(p.key({ key: ' ' })).toBe('changed');
		expect(positionLabel(p.state)).toBe('3 / 3');
		expect(p.key({ key: 'PageDown' })).toBe('none');
		expect(p.key({ key: 'Home' })).toBe('changed');
		expect(p.state.index).toBe(0);
		expect(p.key({ key: 'End' })).toBe('changed');
		expect(p.key({ key: 'PageUp' })).toBe('changed');
		expect(p.state.index).toBe(1);
		expect(p.key({ key: 'B' })).toBe('changed');
		expect(p.state.blank).toBe(true);
		expect(p.key({ key: 'ArrowLeft' })).toBe('changed');
		expect(p.state).toEqual({ index: 1, count: 3, blank: false });
		expect(p.key({ key: 'q' })).toBeNull();
		expect(p.key({ key: 'f' })).toBe('fullscreen');
		expect(p.key({ key: 'Escape' })).toBe('exit');
	});
});
