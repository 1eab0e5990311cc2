// Classes on the learner's sync server: the names, the join link, and publishing from the studio.
// Light: the studio and the Sync screen import it; PouchDB loads only when a deck is published.
import type { Deck } from '$lib/deck/schema';
import { readSyncConfig, writeSyncConfig } from './config';
import type { PublishOutcome } from './publish';
import { serverAddress } from './session';

/** CouchDB's rule for database names (lowercase, starting with a letter). */
const CLASS_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/**
 * The class database's name in what someone typed or pasted: a name (`class-bio`), a join link
 * (`…/settings/sync/?class=class-bio`) or the database's address (`https://couch…/class-bio`).
 * @example className('https://app.example/settings/sync/?class=class-bio') // 'class-bio'
 */
export function className(text: string): string | undefined {
	const t = text.trim();
	if (CLASS_NAME.test(t)) return t;
	let url: URL;
	try {
		url = new URL(t);
	} catch {
		return undefined;
	}
	const fromLink = url.searchParams.get('class');
	if (fromLink !== null) return CLASS_NAME.test(fromLink) ? fromLink : undefined;
	const last = decodeURIComponent(url.pathname.replace(/\/+$/, '').split('/').pop() ?? '');
	return CLASS_NAME.test(last) ? last : undefined;
}

/**
 * The address of the class database to replicate from: a name or a join link is on the learner's
 * own server; a full database address is taken as it is.
 */
export function classAddress(text: string, server: string): string | undefined {
	const t = text.trim();
	const name = className(t);
	if (name && (CLASS_NAME.test(t) || new URL(t).searchParams.has('class')))
		return `${server.replace(/\/+$/, '')}/${name}`;
	return name ? serverAddress(t) : undefined;
}

/** The class name this device last published a deck to (remembered for the next version). */
export async function rememberedClass(deckId: string): Promise<string> {
	return (await readSyncConfig())?.publishTo?.[deckId] ?? '';
}

/**
 * "Publish to class": writes the deck as the class's next version on the server this device syncs
 * with, as the signed-in user. Every refusal comes back in words: not signed in, not a class name,
 * forbidden (a learner), no such class, offline.
 * @example await publishToClass(deck, 'class-bio', new Date())
 */
export async function publishToClass(
	deck: Deck,
	text: string,
	now: Date,
	/** Where the deck's files are stored besides the installed deck's (a studio draft's key). */
	mediaKey?: string
): Promise<PublishOutcome & { name?: string; server?: string }> {
	const config = await readSyncConfig();
	if (!config)
		return {
			ok: false,
			error:
				'Not signed in: sign in to your sync server in Settings → Sync first; the class database is on that server.'
		};
	const name = className(text);
	if (!name)
		return {
			ok: false,
			error:
				'A class is the name of its database on the server: lowercase letters, digits and - _, starting with a letter (for example class-bio).'
		};
	const { publishOnServer } = await import('./class-publish');
	const outcome = await publishOnServer(
		`${config.server}/${name}`,
		name,
		deck,
		config.user,
		now,
		mediaKey
	);
	if (outcome.ok)
		await writeSyncConfig({ ...config, publishTo: { ...config.publishTo, [deck.id]: name } });
	return { ...outcome, name, server: config.server };
}
