import { z } from 'zod';
import { cardIdSchema, deckIdSchema, hasMarkup, literalCardSchema } from '$lib/deck/schema';
import { formatPath, type DeckError, type PathKey } from '$lib/deck/errors';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';

const plain = (max: number) =>
	z
		.string({ error: 'must be text' })
		.min(1, 'must not be empty')
		.max(max, `must be at most ${max} characters`)
		.refine((v) => !hasMarkup(v), 'must be plain text: no HTML tags, entities or scripts');
/** The latest time a JavaScript date can hold (year 275760): a larger number is no date at all. */
const MAX_TIME = 8.64e15;
const time = z.number({ error: 'must be a time in milliseconds' }).int().min(0).max(MAX_TIME);
const count = z.number({ error: 'must be a whole number' }).int().min(0);
const flag = z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' });
const finite = z.number({ error: 'must be a number' }).finite();

const stateFields = {
	due: z.number({ error: 'must be a time in milliseconds' }).int().min(-MAX_TIME).max(MAX_TIME),
	stability: finite.min(0),
	difficulty: finite,
	scheduled_days: finite.min(0),
	learning_steps: count,
	reps: count,
	lapses: count,
	state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
		error: 'must be 0, 1, 2 or 3'
	}),
	last_review: time.nullable()
};

const deckRowSchema = z.object({
	id: deckIdSchema,
	title: plain(120),
	description: plain(500).optional(),
	version: z.number({ error: 'must be a whole number' }).int().positive(),
	source: z
		.object({
			title: plain(120),
			author: plain(120).optional(),
			url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional()
		})
		.optional(),
	cardCount: count,
	bundled: z.boolean({ error: 'must be true or false' }),
	sourceUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
	installedAt: time,
	updatedAt: time
});

const cardRowSchema = z.object({
	...stateFields,
	uid: z.string().max(300),
	deckId: deckIdSchema,
	cardId: cardIdSchema,
	note: z.string().max(300),
	// A deck imported as plain text keeps `<b>` as written; the backup must restore it as it is.
	content: literalCardSchema,
	order: count,
	active: flag,
	suspended: flag,
	retired: flag,
	buriedUntil: time,
	leech: flag,
	lastLogAt: time,
	createdAt: time
});

const QUIZ_MODES = ['flashcard', 'mcq', 'typed', 'truefalse', 'cloze'] as const;

/** One review-log row as a backup (and a synced day document) holds it. */
export const logRowSchema = z.object({
	id: z.string({ error: 'must be text' }).min(1).max(100),
	uid: z.string().max(300),
	deckId: deckIdSchema,
	cardId: cardIdSchema,
	note: z.string().max(300),
	kind: z.enum(['review', 'practice', 'forget'], { error: 'must be review, practice or forget' }),
	grade: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
		error: 'must be 0 to 4'
	}),
	reviewedAt: time,
	durationMs: count,
	mode: z.enum(QUIZ_MODES, { error: `must be one of ${QUIZ_MODES.join(', ')}` }),
	before: z.object(stateFields),
	response: z.string().max(500).optional(),
	correct: z.boolean().optional(),
	overridden: z.boolean().optional(),
	scheduledDays: z.number().int().min(1).max(36500).optional()
});

/** One card action (suspend, unsuspend, bury) as a backup (and a synced day document) holds it. */
export const actionRowSchema = z
	.object({
		id: z.string({ error: 'must be text' }).min(1).max(100),
		uid: z.string().max(400),
		deckId: deckIdSchema,
		cardId: cardIdSchema,
		kind: z.enum(['suspend', 'unsuspend', 'bury'], { error: 'must be suspend, unsuspend or bury' }),
		at: time,
		until: time.optional(),
		leech: flag.optional()
	})
	.superRefine((a, ctx) => {
		if (a.uid !== `${a.deckId}|${a.cardId}`)
			ctx.addIssue({
				code: 'custom',
				path: ['uid'],
				message: 'must be the deck id and the card id joined by |'
			});
		if (a.kind === 'bury' && a.until === undefined)
			ctx.addIssue({ code: 'custom', path: ['until'], message: 'a burial needs its end' });
	});

const steps = z.array(z.string().regex(/^\d+(\.\d+)?[mhd]$/, 'must be a step such as 10m')).max(20);
const int = (min: number, max: number) => z.number().int().min(min).max(max).optional();
/** FSRS parameters: 17, 19 or 21 numbers (ts-fsrs takes older sets and extends them). */
const parameters = z.array(z.number().min(-100).max(100)).min(17).max(21).optional();

/** The study settings: checked field by field, so a backup cannot set values the app cannot use. */
const studySchema = z.looseObject({
	scheduler: z
		.looseObject({
			desiredRetention: z.number().min(0.7).max(0.99).optional(),
			maximumInterval: int(1, 36500),
			enableFuzz: z.boolean().optional(),
			enableShortTerm: z.boolean().optional(),
			learningSteps: steps.optional(),
			relearningSteps: steps.optional(),
			parameters
		})
		.optional(),
	previousParameters: parameters,
	newPerDay: int(0, 99999),
	reviewsPerDay: int(0, 999999),
	dayStartHour: int(0, 23),
	learnAheadMinutes: z.number().min(0).max(1440).optional(),
	leechThreshold: int(0, 99),
	deckLimits: z
		.record(z.string(), z.looseObject({ newPerDay: int(0, 99999), reviewsPerDay: int(0, 999999) }))
		.optional(),
	deckModes: z.record(z.string(), z.enum(['mixed', ...QUIZ_MODES])).optional(),
	slowSeconds: z.record(z.string(), z.number().positive()).optional(),
	loadBalance: z.boolean().optional(),
	easyDays: z.array(z.number().min(0).max(1)).length(7).optional()
});

/** One setting as a backup (and a synced settings document) holds it. */
export const settingSchema = z
	.object({ key: z.string().min(1).max(100), value: z.json() })
	.superRefine((row, ctx) => {
		if (row.key !== 'study') return;
		const checked = studySchema.safeParse(row.value);
		if (!checked.success)
			for (const issue of checked.error.issues)
				ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
	});

export const backupSchema = z
	.object({
		format: z.literal(BACKUP_FORMAT, { error: `must be "${BACKUP_FORMAT}"` }),
		version: z.literal(BACKUP_VERSION, {
			error: `must be ${BACKUP_VERSION}: this app reads version ${BACKUP_VERSION} backups`
		}),
		exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }),
		app: z.string().max(100).optional(),
		decks: z.array(deckRowSchema),
		cards: z.array(cardRowSchema),
		reviewLogs: z.array(logRowSchema),
		cardActions: z.array(actionRowSchema).optional(),
		settings: z.array(settingSchema)
	})
	.superRefine((backup, ctx) => {
		const problem = (path: PathKey[], message: string) =>
			ctx.addIssue({ code: 'custom', path, message });
		const decks = new Map<string, number>();
		backup.decks.forEach((d, i) => {
			if (decks.has(d.id)) problem(['decks', i, 'id'], `deck "${d.id}" is listed twice`);
			decks.set(d.id, i);
		});
		const cards = new Set<string>();
		backup.cards.forEach((c, i) => {
			if (cards.has(c.uid)) problem(['cards', i, 'uid'], `card "${c.uid}" is listed twice`);
			cards.add(c.uid);
			if (c.uid !== `${c.deckId}|${c.cardId}`)
				problem(['cards', i, 'uid'], 'must be the deck id and the card id joined by |');
			if (c.content.id !== c.cardId) problem(['cards', i, 'content', 'id'], 'must be the cardId');
			if (!decks.has(c.deckId)) problem(['cards', i, 'deckId'], `no deck "${c.deckId}" in decks`);
		});
		const logs = new Set<string>();
		backup.reviewLogs.forEach((l, i) => {
			if (logs.has(l.id)) problem(['reviewLogs', i, 'id'], `log "${l.id}" is listed twice`);
			logs.add(l.id);
			if (!cards.has(l.uid)) problem(['reviewLogs', i, 'uid'], `no card "${l.uid}" in cards`);
			else if (l.uid !== `${l.deckId}|${l.cardId}`)
				problem(['reviewLogs', i, 'uid'], 'must be the deck id and the card id joined by |');
		});
		const actions = new Set<string>();
		backup.cardActions?.forEach((a, i) => {
			if (actions.has(a.id)) problem(['cardActions', i, 'id'], `action "${a.id}" is listed twice`);
			actions.add(a.id);
			if (!cards.has(a.uid)) problem(['cardActions', i, 'uid'], `no card "${a.uid}" in cards`);
		});
	});

export type BackupResult = { ok: true; backup: Backup } | { ok: false; errors: DeckError[] };

/** Errors past this many are summed up in one line: a broken 100 MB file is not listed in full. */
const MAX_ERRORS = 200;

/**
 * Checks a parsed backup file, and lists every problem with its path
 * (`reviewLogs[12].grade: must be 0 to 4`). Unknown fields are dropped.
 * @example parseBackup(JSON.parse(text))
 */
export function parseBackup(raw: unknown, file?: string): BackupResult {
	const parsed = backupSchema.safeParse(raw, { reportInput: true });
	if (parsed.success) return { ok: true, backup: parsed.data as Backup };
	const errors: DeckError[] = parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => {
		const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
		const missing = issue.code === 'invalid_type' && issue.input === undefined;
		return {
			...(file ? { file } : {}),
			path: formatPath(path),
			message: missing ? 'is missing' : issue.message
		};
	});
	const more = parsed.error.issues.length - MAX_ERRORS;
	if (more > 0) errors.push({ ...(file ? { file } : {}), path: '', message: `and ${more} more` });
	return { ok: false, errors };
}
