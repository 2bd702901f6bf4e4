import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser tests of the server build (tests/server/e2e): the adapter-node build run by scripts/serve.js
 * on 127.0.0.1 with a fresh data folder and user `admin`. `npm run build` first (or
 * CHISO_TEST_SERVER_BUILD=dir). The static build's own tests stay in playwright.config.ts.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
	throw new Error(
		`No Chromium at ${executablePath}. Install Debian's: \`sudo apt-get update && sudo apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium/Chrome binary.`
	);
}

const PORT = Number(process.env.E2E_SERVER_PORT ?? 4351);
// One data folder for the run: made once here, inherited by Playwright's workers through the environment.
process.env.CHISO_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'chiso-e2e-'));
export const ADMIN_PASSWORD = 'e2e-admin-password';

export default defineConfig({
	testDir: 'tests/server/e2e',
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results/server',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1366, height: 768 },
		locale: 'vi-VN',
		// The app's service worker is tested in offline*.spec.ts (which allow it); elsewhere it would only
		// add a download of the app per test and answer requests that tests route themselves.
		serviceWorkers: 'block',
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
		command: 'node scripts/serve.js',
		url: `http://127.0.0.1:${PORT}/api/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			BUILD_DIR: process.env.CHISO_TEST_SERVER_BUILD ?? 'build',
			CHISO_DATA_DIR: process.env.CHISO_E2E_DATA,
			CHISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
			DATABASE_URL: '',
			CHISO_STATIC: ''
		}
	}
});
