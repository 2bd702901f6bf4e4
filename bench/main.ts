/**
 * The bench page's script: the app's chart component on a page laid out as the app's pages are (fonts,
 * styles, the width of `<main>`), and the harness on `window.chisoBench` for scripts/bench.js.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import '../src/app.css';
import './bench.css';
import Chart from '$lib/components/Chart.svelte';
import { mount } from 'svelte';
import * as harness from './harness';

declare global {
	interface Window {
		chisoBench: typeof harness;
	}
}

mount(Chart, {
	target: document.getElementById('chart')!,
	props: {
		option: { xAxis: { type: 'category', data: [] }, yAxis: { type: 'value' }, series: [] },
		label: 'bench'
	}
});
window.chisoBench = harness;
document.querySelector('[data-testid="bench-ready"]')!.setAttribute('data-ready', 'true');
