/**
 * The presenter's behaviour without a DOM (after OWID Grapher's TimelineController): which slide is
 * shown, the blank screen, and which key does what. `/present` only renders the state and forwards
 * key presses here.
 *
 * Keys: → PageDown Space next · ← PageUp previous · Home first · End last · B (or `.`, which clickers
 * send for their blank button) blanks the screen · F toggles full screen · Esc leaves. While the screen is blank any move key
 * only brings the slide back (as in PowerPoint), so a stray press does not skip a slide unseen.
 */

export type PresenterAction = 'next' | 'prev' | 'first' | 'last' | 'blank' | 'fullscreen' | 'exit';

export const KEY_MAP: Readonly<Record<string, PresenterAction>> = {
	ArrowRight: 'next',
	PageDown: 'next',
	' ': 'next',
	ArrowLeft: 'prev',
	PageUp: 'prev',
	Home: 'first',
	End: 'last',
	b: 'blank',
	B: 'blank',
	'.': 'blank',
	f: 'fullscreen',
	F: 'fullscreen',
	Escape: 'exit'
};

/** The part of a KeyboardEvent that matters here. */
export interface KeyInput {
	key: string;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	/** Typing in a field (a note) must not turn pages. */
	inField?: boolean;
	/** Key held down: repeats move on, but do not flicker the blank screen. */
	repeat?: boolean;
}

/** The action for a key press, or null (modifier shortcuts belong to the browser). */
export function actionFor(input: KeyInput): PresenterAction | null {
	if (input.inField || input.altKey || input.ctrlKey || input.metaKey) return null;
	const action = KEY_MAP[input.key] ?? null;
	if ((action === 'blank' || action === 'fullscreen') && input.repeat) return null;
	return action;
}

export interface PresenterState {
	/** 0-based; 0 when there are no slides. */
	index: number;
	count: number;
	blank: boolean;
}

export function initialState(count: number, index = 0): PresenterState {
	return { index: clamp(index, count), count: Math.max(0, count), blank: false };
}

function clamp(index: number, count: number): number {
	if (count <= 0 || !Number.isFinite(index)) return 0;
	return Math.max(0, Math.min(count - 1, Math.trunc(index)));
}

/**
 * The state after an action. 'exit' and 'fullscreen' leave it as it is: leaving and the Fullscreen
 * API are the view's business.
 */
export function reduce(state: PresenterState, action: PresenterAction): PresenterState {
	if (action === 'exit' || action === 'fullscreen') return state;
	if (action === 'blank') return { ...state, blank: !state.blank };
	if (state.blank) return { ...state, blank: false };
	const last = Math.max(0, state.count - 1);
	const index =
		action === 'next'
			? Math.min(last, state.index + 1)
			: action === 'prev'
				? Math.max(0, state.index - 1)
				: action === 'first'
					? 0
					: last;
	return index === state.index ? state : { ...state, index };
}

/** The deck changed length (a slide removed in another tab): keep the index inside it. */
export function resize(state: PresenterState, count: number): PresenterState {
	return { ...state, count: Math.max(0, count), index: clamp(state.index, count) };
}

export function goTo(state: PresenterState, index: number): PresenterState {
	return { ...state, index: clamp(index, state.count), blank: false };
}

/** `3 / 7` (1-based), `0 / 0` for an empty deck. */
export function positionLabel(state: PresenterState): string {
	return state.count === 0 ? '0 / 0' : `${state.index + 1} / ${state.count}`;
}

export const isFirst = (s: PresenterState) => s.index === 0;
export const isLast = (s: PresenterState) => s.count === 0 || s.index === s.count - 1;

/**
 * A small stateful wrapper for views: holds the state, applies key presses, and tells the view what
 * to do (`changed`, `exit`). The view subscribes and re-renders.
 */
export class Presenter {
	state: PresenterState;

	constructor(count: number, index = 0) {
		this.state = initialState(count, index);
	}

	/** Apply an action; returns what the view must do: 'exit', 'fullscreen', 'changed' or 'none'. */
	dispatch(action: PresenterAction): 'exit' | 'fullscreen' | 'changed' | 'none' {
		if (action === 'exit' || action === 'fullscreen') return action;
		const next = reduce(this.state, action);
		if (next === this.state) return 'none';
		this.state = next;
		return 'changed';
	}

	/** Handle a key press; null when the key is not the presenter's (the view lets it through). */
	key(input: KeyInput): 'exit' | 'fullscreen' | 'changed' | 'none' | null {
		const action = actionFor(input);
		return action ? this.dispatch(action) : null;
	}
}
