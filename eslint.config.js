import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The arrows of the layers (DESIGN.md, "Layers"): a folder may import only what lies below it. Import
 * cycles, and SQL outside src/lib/db, are checked by tests/unit/architecture.test.ts.
 */
const UI = ['svelte', 'svelte/*', '*.svelte', '$app/*', 'echarts', 'echarts/*'];
const DUCKDB = ['@duckdb/*', 'apache-arrow'];
const SERVER = ['$lib/server', '$lib/server/*', '**/server/*'];
const FEATURES = ['$lib/deck/*', '$lib/views/*', '$lib/import-wizard/*', '$lib/state/*', '$lib/components/*'];
const arrows = (files, forbidden, message) => ({
	files,
	rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }] }
});

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-at-html-tags': 'error',
			// A static SPA served at the site root; links are plain paths.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	arrows(['src/**/*.ts', 'src/**/*.svelte', 'bench/**'], [...DUCKDB], 'Only src/lib/db talks to DuckDB.'),
	arrows(
		['src/lib/model/**'],
		[...UI, ...DUCKDB, ...SERVER, '$lib/*', '!$lib/model', '!$lib/i18n', '$lib/i18n/*', '!$lib/i18n/locale'],
		'model/ holds pure domain rules: it imports nothing but itself (and the Locale type).'
	),
	arrows(
		['src/lib/import/**'],
		[...UI, ...DUCKDB, ...SERVER, ...FEATURES, '$lib/db', '$lib/db/*', '$lib/charts', '$lib/charts/*'],
		'import/ is pure (it runs in a worker, in Node and on the server): no Svelte, DuckDB, charts or pages.'
	),
	arrows(
		['src/lib/format/**'],
		[...UI, ...DUCKDB, ...SERVER, ...FEATURES, '$lib/db', '$lib/db/*', '$lib/charts', '$lib/charts/*'],
		'format/ only formats: it imports model/ and i18n, nothing that draws or queries.'
	),
	arrows(
		['src/lib/charts/**'],
		[...DUCKDB, ...SERVER, ...FEATURES, '$lib/db', '$lib/db/*', 'svelte', 'svelte/*', '*.svelte', '$app/*'],
		'charts/ turns rows into ECharts options: it never queries (db) nor knows pages.'
	),
	{ files: ['src/lib/db/**'], rules: { 'no-restricted-imports': 'off' } },
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'static/',
			'test-results/'
		]
	}
);
