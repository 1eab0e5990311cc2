import type { Card, Deck, DeckSource } from '$lib/deck/schema';
import type { DeckError } from '$lib/deck/errors';
import type { StudyDb } from '$lib/storage/db';
import type { InstallReport } from '$lib/storage/decks';
import type { FileRef } from '$lib/transfer/handle';
import type { SkippedRow } from '$lib/transfer/notes';
import {
	checkLink,
	formatBytes,
	isDeckZipName,
	isPackageName,
	MAX_DECK_BYTES,
	MAX_PACKAGE_BYTES,
	sourceFileOf,
	type ImportFormat
} from '$lib/transfer/limits';
import { assessDeck, type Assessment } from '$lib/storage/transfer';
import { runTransfer, SQL_WASM_URL } from '$lib/services/transfer-worker';
// By path, not the storage barrel: the first route loads the barrel and must stay light.
import type { MediaInput } from '$lib/storage/media';
import type { ImportedHistory } from '$lib/storage/package-history';
import { fetchBeside, fetchText } from '$lib/services/fetch-text';
import { saveImport, type PackageParts } from '$lib/services/save-import';
import { foreground } from '$lib/services/idle';
import type { MediaEntry } from '$lib/transfer/apkg/read-package';

export type ImportStage = 'idle' | 'checking' | 'preview' | 'saving' | 'done';

export interface DeckPreview {
	id: string;
	title: string;
	version: number;
	cardCount: number;
	source?: DeckSource;
	/** The first few cards, as the learner will see them. */
	samples: Card[];
	format: ImportFormat;
	fileName: string;
	url?: string;
	/** A text import: the learner names the deck. */
	named: boolean;
	/** Rows of a text file that made no card, and why. */
	skipped: SkippedRow[];
	/** An Anki package: its media, the media its cards name that it lacks, cards with history. */
	package?: { media: number; missingMedia: string[]; withHistory: number; layout: string };
}

export interface ImportResult {
	deckId: string;
	title: string;
	version: number;
	report: InstallReport;
	sourceUrl?: string;
	/** Seconds from confirming to the last card written. */
	seconds: number;
	/** From an Anki package: media files stored, cards given their history, answers added. */
	media?: number;
	/** Media files over the per-file cap, left out while saving. */
	mediaLeftOut?: string[];
	history?: { cards: number; logs: number };
}

/** What the worker read of a deck with its media, as the preview and the import need it. */
type ArchiveRead =
	| { ok: false; errors: DeckError[]; warnings: DeckError[] }
	| {
			ok: true;
			deck: Deck;
			warnings: DeckError[];
			media: MediaInput[];
			/** Media still in the file (an Anki package): read and stored after the cards. */
			mediaToRead?: MediaEntry[];
			missingMedia: string[];
			history: ImportedHistory[];
			dayStartMs: number;
			format: ImportFormat;
			/** As `DeckPreview.named`: the learner names the deck. */
			named: boolean;
			withHistory: number;
			layout: string;
	  };

interface Source {
	file: FileRef;
	others: FileRef[];
	url?: string;
	format?: ImportFormat;
}

const DECK_FILE = /\.(json|ya?ml|csv|tsv|txt)$/i;

/**
 * The import page's state: a file, files or a link in; a checked preview out; nothing written until
 * `confirm()`. The checking runs in a worker; the writing goes through `importDeck`.
 */
export class ImportFlow {
	stage = $state<ImportStage>('idle');
	/** Why nothing can be imported (a size, a network failure, a refused version). */
	problem = $state<string>();
	errors = $state.raw<DeckError[]>([]);
	warnings = $state.raw<DeckError[]>([]);
	preview = $state.raw<DeckPreview>();
	assessment = $state.raw<Assessment>();
	titleErrors = $state.raw<DeckError[]>([]);
	/** While saving: how many cards (then media files, then answers) are written of how many. */
	progress = $state.raw<{ done: number; total: number; unit: 'card' | 'media file' }>();
	result = $state.raw<ImportResult>();
	/** The format the file is read as (the learner can switch between text formats). */
	format = $state<ImportFormat>();
	#db: StudyDb;
	#clock: () => Date;
	#deck: Deck | undefined;
	#source: Source | undefined;
	#title: string | undefined;
	#package: PackageParts | undefined;
	#run = 0;

	// The wall clock, read once when the deck is written: not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	constructor(db: StudyDb, clock: () => Date = () => new Date()) {
		this.#db = db;
		this.#clock = clock;
	}

	get canConfirm(): boolean {
		return (
			this.stage === 'preview' &&
			!!this.#deck &&
			this.errors.length === 0 &&
			this.titleErrors.length === 0 &&
			!!this.assessment?.ok
		);
	}

	/** Starts over with a chosen or dropped set of files: the deck file, and its source text if any. */
	async openFiles(files: readonly File[]): Promise<void> {
		this.reset();
		const [first, ...rest] = [...files].sort(
			(a, b) => Number(/\.(json|ya?ml)$/i.test(b.name)) - Number(/\.(json|ya?ml)$/i.test(a.name))
		);
		if (!first) return;
		if (isPackageName(first.name)) return this.#openPackage(first);
		if (isDeckZipName(first.name)) return this.#openDeckZip(first);
		const tooBig = [first, ...rest].find((f) => f.size > MAX_DECK_BYTES);
		if (tooBig) {
			this.problem = `“${tooBig.name}” is ${formatBytes(tooBig.size)}; a deck file can be at most ${formatBytes(MAX_DECK_BYTES)}.`;
			return;
		}
		if (!DECK_FILE.test(first.name) && first.type && !/text|json|yaml|csv/.test(first.type)) {
			this.problem = `“${first.name}” is not a deck file. Choose a .json or .yaml deck, or a .txt or .csv export from Anki or Quizlet.`;
			return;
		}
		this.#source = {
			file: { name: first.name, content: first },
			others: rest.map((f) => ({ name: f.name, content: f }))
		};
		await this.#check();
	}

	/** An Anki package: read and checked in the worker (sql.js), its history and media kept. */
	#openPackage(file: File): Promise<void> {
		return this.#openArchive(file, { kind: 'an Anki package', noun: 'package' }, async () => {
			const read = await runTransfer({
				type: 'package',
				file: { name: file.name, content: file },
				wasmUrl: SQL_WASM_URL
			});
			if (!read.ok) return read;
			return {
				...read,
				format: 'apkg',
				named: true,
				withHistory: read.withHistory,
				layout: read.layout
			};
		});
	}

	/**
	 * A deck zip (the studio's download: the deck file, its source text, its pictures and sounds):
	 * read and checked in the worker; its media are stored with the deck, as an Anki package's are.
	 */
	#openDeckZip(file: File): Promise<void> {
		return this.#openArchive(file, { kind: 'a deck zip', noun: 'zip' }, async () => {
			const read = await runTransfer({
				type: 'deck-zip',
				file: { name: file.name, content: file }
			});
			if (!read.ok) return read;
			return {
				...read,
				history: [],
				dayStartMs: 0,
				named: false,
				withHistory: 0,
				layout: 'zip'
			};
		});
	}

	/** A file of a deck with its media (an Anki package, a deck zip), read by `read` and previewed. */
	async #openArchive(
		file: File,
		words: { kind: string; noun: string },
		read: () => Promise<ArchiveRead>
	): Promise<void> {
		if (file.size > MAX_PACKAGE_BYTES) {
			this.problem = `“${file.name}” is ${formatBytes(file.size)}; ${words.kind} can be at most ${formatBytes(MAX_PACKAGE_BYTES)}.`;
			return;
		}
		this.#source = undefined;
		const run = ++this.#run;
		this.stage = 'checking';
		try {
			// The learner waits for this: background work (the app's offline copy) waits for it.
			const result = await foreground(read);
			if (run !== this.#run) return;
			this.warnings = result.warnings;
			if (!result.ok) {
				this.errors = result.errors;
				this.stage = 'preview';
				return;
			}
			const deck = result.deck;
			this.format = result.format;
			this.#deck = deck;
			this.#package = {
				file,
				media: result.media,
				mediaToRead: result.mediaToRead ?? [],
				history: result.history,
				dayStartMs: result.dayStartMs
			};
			this.preview = {
				id: deck.id,
				title: deck.title,
				version: deck.version,
				cardCount: deck.cards.length,
				...(deck.source ? { source: deck.source } : {}),
				samples: deck.cards.slice(0, 3),
				format: result.format,
				fileName: file.name,
				named: result.named,
				skipped: [],
				package: {
					media: result.media.length + (result.mediaToRead?.length ?? 0),
					missingMedia: result.missingMedia,
					withHistory: result.withHistory,
					layout: result.layout
				}
			};
			await this.#assess();
			if (run === this.#run) this.stage = 'preview';
		} catch (e) {
			if (run !== this.#run) return;
			this.stage = 'idle';
			this.problem = `Could not read the ${words.noun}: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** Starts over with a link to a deck file. */
	async openLink(link: string, origin: string): Promise<void> {
		this.reset();
		const url = checkLink(link, origin);
		if (typeof url === 'string') {
			this.problem = url;
			return;
		}
		this.stage = 'checking';
		const run = this.#run;
		try {
			const text = await fetchText(url, MAX_DECK_BYTES);
			const others: FileRef[] = [];
			const sourceName = /\.ya?ml$/i.test(url.pathname) ? sourceFileOf(text) : undefined;
			if (sourceName) {
				// The source text sits beside the deck file: fetched so quotes are checked as at build.
				const side = await fetchBeside(url, sourceName, MAX_DECK_BYTES).catch(() => null);
				if (side !== null) others.push({ name: sourceName, content: side });
			}
			if (run !== this.#run) return;
			const name = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'deck.json';
			this.#source = { file: { name, content: text }, others, url: url.href };
			await this.#check();
		} catch (e) {
			if (run !== this.#run) return;
			this.stage = 'idle';
			this.problem = e instanceof Error ? e.message : String(e);
		}
	}

	/** Reads the same file as another text format (Anki, two columns, CSV with a header). */
	async setFormat(format: ImportFormat): Promise<void> {
		if (!this.#source) return;
		this.#source = { ...this.#source, format };
		await this.#check();
	}

	/** The learner's name for a text import: checked as typed; the deck id follows from it. */
	async rename(title: string): Promise<void> {
		const deck = this.#deck;
		const preview = this.preview;
		if (!deck || !preview?.named) return;
		this.#title = title;
		const run = this.#run;
		const checked = await runTransfer({ type: 'title', title });
		if (run !== this.#run || title !== this.#title) return;
		this.titleErrors = checked.errors;
		if (checked.errors.length > 0) return;
		this.#deck = { ...deck, id: checked.id, title };
		this.preview = { ...preview, id: checked.id, title };
		await this.#assess();
	}

	/** Writes the deck, with progress; the only step that changes anything. */
	async confirm(): Promise<void> {
		const deck = this.#deck;
		const preview = this.preview;
		if (!deck || !preview || !this.canConfirm) return;
		this.stage = 'saving';
		const files = this.#package ? this.#package.mediaToRead.length + this.#package.media.length : 0;
		// A package's files go in before its cards (see `saveImport`).
		this.progress =
			files > 0
				? { done: 0, total: files, unit: 'media file' }
				: { done: 0, total: deck.cards.length, unit: 'card' };
		const started = performance.now();
		try {
			const saved = await foreground(() =>
				saveImport(this.#db, deck, this.#package, {
					now: this.#clock(),
					named: preview.named,
					...(preview.url ? { sourceUrl: preview.url } : {}),
					onProgress: (done, total, unit) => (this.progress = { done, total, unit })
				})
			);
			const { report, version, ...extra } = saved;
			this.result = {
				...extra,
				deckId: deck.id,
				title: deck.title,
				version,
				report,
				...(preview.url ? { sourceUrl: preview.url } : {}),
				seconds: (performance.now() - started) / 1000
			};
			this.stage = 'done';
		} catch (e) {
			this.stage = 'preview';
			this.problem = e instanceof Error ? e.message : String(e);
		} finally {
			this.progress = undefined;
		}
	}

	reset(): void {
		this.#run++;
		this.stage = 'idle';
		this.problem = undefined;
		this.errors = [];
		this.warnings = [];
		this.preview = undefined;
		this.assessment = undefined;
		this.titleErrors = [];
		this.result = undefined;
		this.format = undefined;
		this.#deck = undefined;
		this.#title = undefined;
		this.#package = undefined;
	}

	async #check(): Promise<void> {
		const source = this.#source;
		if (!source) return;
		const run = ++this.#run;
		this.stage = 'checking';
		this.problem = undefined;
		this.errors = [];
		this.titleErrors = [];
		try {
			const prepared = await foreground(() =>
				runTransfer({
					type: 'deck',
					file: source.file,
					others: source.others,
					...(source.format ? { format: source.format } : {}),
					...(this.#title !== undefined ? { title: this.#title } : {}),
					...(source.url ? { url: source.url } : {})
				})
			);
			if (run !== this.#run) return;
			this.warnings = prepared.warnings;
			this.format = prepared.format;
			if (!prepared.ok) {
				this.errors = prepared.errors;
				this.#deck = undefined;
				this.preview = undefined;
				this.stage = 'preview';
				this.#source = { ...source, ...(prepared.format ? { format: prepared.format } : {}) };
				return;
			}
			const deck = prepared.deck;
			this.#deck = deck;
			this.#source = { ...source, format: prepared.format };
			this.preview = {
				id: deck.id,
				title: deck.title,
				version: deck.version,
				cardCount: deck.cards.length,
				...(deck.source ? { source: deck.source } : {}),
				samples: deck.cards.slice(0, 3),
				format: prepared.format,
				fileName: source.file.name,
				...(source.url ? { url: source.url } : {}),
				named: prepared.named,
				skipped: prepared.skipped
			};
			await this.#assess();
			if (run === this.#run) this.stage = 'preview';
		} catch (e) {
			if (run !== this.#run) return;
			this.stage = 'idle';
			this.problem = `Could not read the file: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	async #assess(): Promise<void> {
		const deck = this.#deck;
		if (!deck || !this.preview) return;
		const assessment = await assessDeck(this.#db, deck, this.preview.named);
		if (deck !== this.#deck) return;
		this.assessment = assessment;
		this.preview = { ...this.preview, version: assessment.version };
	}
}
