import { getSetting, setSetting, type StudyDb } from '$lib/storage';

export type Theme = 'system' | 'light' | 'dark';

export interface Appearance {
	theme: Theme;
	/** Turn off animations even when the system does not ask for it. */
	reduceMotion: boolean;
}

export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', reduceMotion: false };

const KEY = 'appearance';

export async function loadAppearance(db: StudyDb): Promise<Appearance> {
	return { ...DEFAULT_APPEARANCE, ...(await getSetting<Partial<Appearance>>(db, KEY, {})) };
}

/**
 * Saves the choice in IndexedDB (with the rest of the learner's data and backups) and mirrors it in
 * localStorage, which the inline script in src/app.html reads before the first paint, then applies it now.
 */
export async function saveAppearance(db: StudyDb, appearance: Appearance): Promise<void> {
	await setSetting(db, KEY, appearance);
	try {
		localStorage.setItem('recall-theme', appearance.theme);
		localStorage.setItem('recall-motion', appearance.reduceMotion ? 'reduce' : 'system');
	} catch {
		// Storage blocked: the choice still applies to this page.
	}
	applyAppearance(appearance);
}

export function applyAppearance(appearance: Appearance): void {
	const root = document.documentElement;
	if (appearance.theme === 'system') delete root.dataset.theme;
	else root.dataset.theme = appearance.theme;
	if (appearance.reduceMotion) root.dataset.motion = 'reduce';
	else delete root.dataset.motion;
}
