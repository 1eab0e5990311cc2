import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layers (see README, "How it fits together"), held by import rules. A path is forbidden by
// alias or relatively: `$lib/storage/db`, `../storage/db` and `../../lib/storage` alike.
const layer = (name, message) => ({
	regex: `^(\\$lib/|(\\.{1,2}/)+(lib/)?)${name}(/|$)`,
	message
});
const DEXIE = {
	regex: '^dexie(/|$)',
	message: 'Only src/lib/storage/ talks to Dexie: add a storage function and call that.'
};
const STORAGE = layer(
	'storage',
	'Pages and components reach data through $lib/services or a $lib/state class, never storage.'
);
const PURE = 'deck, quiz, scheduler and transfer are pure: no Svelte, database or app state.';
/** The import rule with these forbidden patterns (a later block replaces an earlier one's list). */
const forbid = (...patterns) => ({
	'@typescript-eslint/no-restricted-imports': ['error', { patterns }]
});

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// An unawaited write can lose an answer: every promise is awaited or explicitly voided.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/storage/**'],
		rules: {
			...forbid(DEXIE),
			// Every table and transaction call lives in storage, also where a StudyDb is at hand.
			'no-restricted-syntax': [
				'error',
				{
					selector:
						'MemberExpression[object.property.name=/^(decks|cards|reviewLogs|settings|snapshots|snapshotData|drafts|media|cardActions)$/][object.object.name=/^(db|appDb)$/]',
					message: 'Database tables are read and written in src/lib/storage only.'
				},
				{
					selector:
						"MemberExpression[object.property.name=/^(decks|cards|reviewLogs|settings|snapshots|snapshotData|drafts|media|cardActions)$/][object.object.callee.name='appDb']",
					message: 'Database tables are read and written in src/lib/storage only.'
				},
				{
					selector:
						"CallExpression[callee.property.name='transaction'][callee.object.name=/^(db|appDb)$/]",
					message: 'Database transactions live in src/lib/storage only.'
				}
			]
		}
	},
	{
		files: ['src/lib/storage/**'],
		rules: forbid(
			...['state', 'services', 'components'].map((name) =>
				layer(name, 'Storage is the bottom layer: it imports no state, services or components.')
			)
		)
	},
	{
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: forbid(DEXIE, STORAGE)
	},
	{
		files: ['src/lib/deck/**', 'src/lib/quiz/**', 'src/lib/scheduler/**', 'src/lib/transfer/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						DEXIE,
						{ regex: '^svelte(/|$)', message: PURE },
						// The backup format is made of storage's row shapes: their types, and nothing more.
						{ ...layer('storage', PURE), allowTypeImports: true },
						...['state', 'services', 'components'].map((name) => layer(name, PURE))
					]
				}
			]
		}
	}
);
