import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium (apt-get install chromium) or CHROMIUM_PATH; Playwright never downloads a browser here. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
	throw new Error(
		`No Chromium at ${executablePath}. Install Debian's: \`sudo apt-get update && sudo apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium/Chrome binary.`
	);
}

const PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
	testDir: 'tests/e2e',
	// Generous: CI machines have 2 cores, and each step waits for DuckDB and the charts.
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1366, height: 768 },
		locale: 'vi-VN',
		// The app's service worker is tested in offline*.spec.ts (which allow it); elsewhere it would only
		// add a download of the app per test and answer requests that tests route themselves.
		serviceWorkers: 'block',
		acceptDownloads: true,
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'
			]
		}
	},
	webServer: {
		command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
