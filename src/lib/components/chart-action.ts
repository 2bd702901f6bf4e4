/**
 * `use:chart` — owns one ECharts instance from init to dispose (after Evidence's echarts action):
 * merges new options, re-initialises when theme or renderer change, resizes with its parent
 * (debounced ResizeObserver, so full-screen and print layouts resize too) and marks the element
 * `data-state="ready"` once the chart has finished drawing.
 *
 * The chart library is loaded by the first chart that needs it, not with the page: a chart on the
 * first screen asks for it at once; one further down asks after the page has first been painted, so
 * that what is on screen (the overview's key figures) never waits for it.
 */
import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { t } from '$lib/i18n/index.svelte';
import { loadOnce } from '$lib/util/load-once';
import { markOnce } from '$lib/util/marks';

export interface ChartParams {
	option: EChartsOption;
	theme?: string;
	renderer?: 'canvas' | 'svg';
}

type Runtime = typeof import('./echarts');

/** The chart library: one download, shared by every chart. */
const loadRuntime = loadOnce(() => import('./echarts'));

/** True when `node` is (at least partly) on the screen now. */
function onScreen(node: HTMLElement): boolean {
	const box = node.getBoundingClientRect();
	return box.top < window.innerHeight && box.bottom > 0;
}

/**
 * Resolves when `node` is to be drawn: at once on the screen, otherwise after the next paint (or after
 * half a second in a tab in the background, which paints nothing, so that its charts are ready when
 * the person comes to it).
 */
function whenDue(node: HTMLElement): Promise<void> {
	if (onScreen(node)) return Promise.resolve();
	return new Promise((resolve) => {
		requestAnimationFrame(() => setTimeout(resolve, 0));
		setTimeout(resolve, 500);
	});
}

/** Each chart element's live instance (for the bench, which drives charts directly). */
const instances = new WeakMap<HTMLElement, EChartsType>();

/**
 * Dispose of an instance whose canvas may still be painting: a large heatmap is painted over several
 * frames, and a frame that comes after `dispose` would find the painter gone (a TypeError in zrender).
 * Emptying the chart and repainting at once first starts a new, finished paint that the pending
 * frames give way to.
 */
function disposeSafely(instance: EChartsType) {
	if (instance.isDisposed()) return;
	instance.clear();
	instance.getZr().refreshImmediately();
	instance.dispose();
}

export function chart(node: HTMLElement, params: ChartParams) {
	/** The chart library, once loaded; until then the element waits in `data-state="drawing"`. */
	let ec: Runtime | null = null;
	let instance: EChartsType | null = null;
	let current = params;
	let gone = false;

	// The tooltip loads after the first drawing (or when a pointer comes first); then the chart drawn
	// without it gets it, and shows it at once where the pointer already rests.
	let pointer: { x: number; y: number } | null = null;
	let tooltipAdded = false;
	const addTooltip = () => {
		if (tooltipAdded || gone || !instance || instance.isDisposed()) return;
		tooltipAdded = true;
		if (!current.option.tooltip) return;
		instance.setOption({ tooltip: current.option.tooltip });
		if (pointer) instance.dispatchAction({ type: 'showTip', ...pointer });
	};
	const onPointer = (e: PointerEvent) => {
		const box = node.getBoundingClientRect();
		pointer = e.type === 'pointerleave' ? null : { x: e.clientX - box.left, y: e.clientY - box.top };
		if (e.type === 'pointerenter') void ec?.withHover().then((ok) => ok && addTooltip());
	};

	// Without the library or one of its parts (no network, say) the chart says so, and tries again
	// when the network is back or its options change.
	const fail = () => {
		if (gone) return;
		if (instance) disposeSafely(instance);
		instance = null;
		instances.delete(node);
		node.dataset.state = 'error';
		node.textContent = t('offline.chartFailed');
		window.addEventListener('online', load, { once: true });
	};

	const init = () => {
		if (!ec || gone) return;
		// A chart that needs a part not loaded yet (a heatmap, the SVG renderer) waits for it.
		if (ec.needsMore(current.option, current.renderer)) {
			node.dataset.state = 'drawing';
			void ec.withEverything().then(init, fail);
			return;
		}
		if (instance) disposeSafely(instance);
		node.textContent = '';
		node.dataset.state = 'drawing';
		const { echarts, withHover } = ec;
		instance = echarts.init(node, current.theme ?? 'screen', { renderer: current.renderer ?? 'canvas' });
		instances.set(node, instance);
		instance.on('finished', () => {
			node.dataset.state = 'ready';
			// When the page's first chart was drawn (npm run bench counts the code loaded before it).
			markOnce('chiso:first-chart');
			void withHover().then((ok) => ok && addTooltip());
		});
		// Nobody sees a chart drawn off the screen grow: it is drawn at once, and animates its changes.
		const option = onScreen(node) ? current.option : { ...current.option, animation: false };
		instance.setOption(option, { notMerge: true });
	};

	/** Loads the library when the chart is due, then draws it. */
	function load() {
		node.dataset.state = 'drawing';
		void whenDue(node)
			.then(() => (gone ? null : loadRuntime()))
			.then((loaded) => {
				if (!loaded || gone) return;
				ec = loaded;
				init();
			})
			.catch(fail);
	}
	load();
	for (const type of ['pointerenter', 'pointermove', 'pointerleave'] as const)
		node.addEventListener(type, onPointer);

	let timer: ReturnType<typeof setTimeout> | undefined;
	const observer = new ResizeObserver(() => {
		clearTimeout(timer);
		// Never a disposed instance's (its painter is gone): only the live one resizes.
		timer = setTimeout(() => !gone && instance && !instance.isDisposed() && instance.resize(), 60);
	});
	observer.observe(node.parentElement ?? node);

	return {
		update(next: ChartParams) {
			const reinit = next.theme !== current.theme || next.renderer !== current.renderer;
			current = next;
			// After a failure, a new try; before the library arrives, it draws the latest options.
			if (node.dataset.state === 'error') return load();
			if (!ec) return;
			if (reinit || !instance || instance.isDisposed() || ec.needsMore(next.option, next.renderer)) init();
			else {
				node.dataset.state = 'drawing';
				instance?.setOption(next.option, { notMerge: true });
			}
		},
		destroy() {
			gone = true;
			clearTimeout(timer);
			window.removeEventListener('online', load);
			observer.disconnect();
			for (const type of ['pointerenter', 'pointermove', 'pointerleave'] as const)
				node.removeEventListener(type, onPointer);
			if (instance) disposeSafely(instance);
			instance = null;
			instances.delete(node);
		}
	};
}

/** The instance behind a chart element, once drawn. */
export function instanceOf(node: HTMLElement): EChartsType | undefined {
	return instances.get(node);
}
