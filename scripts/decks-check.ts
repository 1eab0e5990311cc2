/**
 * `npm run decks:check [paths...]`: checks every authored deck under decks/ (or the given files and
 * folders) and prints each error as `file:line:column path: message`. Exits 1 on any error. Every
 * picture and sound a YAML deck's cards name must sit beside the deck file, as the build needs them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDecks, formatError, type DeckEntry } from '../src/lib/deck/index';
import { mediaBeside } from '../src/lib/server/media-files';

const root = resolve(import.meta.dirname, '..');
const show = (p: string) => relative(process.cwd(), p) || p;

function findDeckFiles(path: string): string[] {
	if (!existsSync(path)) throw new Error(`${show(path)}: no such file or folder`);
	if (statSync(path).isFile()) return [path];
	const found: string[] = [];
	for (const name of readdirSync(path).sort()) {
		const full = join(path, name);
		if (statSync(full).isDirectory()) found.push(...findDeckFiles(full));
		else if (/\.(ya?ml)$/.test(name) || name === 'deck.ts') found.push(full);
	}
	return found;
}

async function entryFor(file: string): Promise<DeckEntry> {
	const dir = dirname(file);
	const readSource = (name: string) => {
		const p = join(dir, name);
		return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
	};
	if (basename(file).endsWith('.ts')) {
		const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
		const sourceText = readSource('source.txt');
		return {
			file: show(file),
			format: 'facts',
			spec: mod.default,
			...(sourceText ? { sourceText } : {})
		};
	}
	return {
		file: show(file),
		format: 'yaml',
		text: readFileSync(file, 'utf8'),
		readSource,
		readMedia: mediaBeside(dir)
	};
}

async function main() {
	const args = process.argv.slice(2);
	const started = performance.now();
	const files = (args.length ? args : [join(root, 'decks')]).flatMap((a) =>
		findDeckFiles(resolve(a))
	);
	const { decks, errors } = buildDecks(await Promise.all(files.map(entryFor)));
	const ms = performance.now() - started;
	for (const e of errors) console.error(formatError(e));
	const cards = decks.reduce((n, d) => n + d.cards.length, 0);
	const summary = `${files.length} deck file(s), ${decks.length} valid, ${cards} cards, ${errors.length} error(s) in ${ms.toFixed(0)} ms`;
	if (errors.length) {
		console.error(summary);
		process.exit(1);
	}
	console.log(summary);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
