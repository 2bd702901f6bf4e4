#!/usr/bin/env node
/**
 * Draws the app's PNG icons (static/icons/*.png, committed) from their SVGs with the local Chromium
 * (CHROMIUM_PATH or /usr/bin/chromium): `node scripts/make-icons.js` after changing an SVG.
 * icon-*: the rounded icon on a transparent ground; maskable-*: full bleed, the bars inside the safe zone.
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const DIR = 'static/icons';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	for (const [svg, name] of [
		['icon.svg', 'icon'],
		['maskable.svg', 'maskable']
	]) {
		const url = `data:image/svg+xml;base64,${readFileSync(`${DIR}/${svg}`).toString('base64')}`;
		for (const size of [192, 512]) {
			const page = await browser.newPage({ viewport: { width: size, height: size } });
			await page.setContent(
				`<html><body style="margin:0;background:transparent"><img src="${url}" width="${size}" height="${size}" style="display:block"></body></html>`
			);
			await page.waitForFunction(() => document.images[0]?.complete);
			await page.screenshot({ path: `${DIR}/${name}-${size}.png`, omitBackground: true });
			await page.close();
		}
	}
} finally {
	await browser.close();
}
