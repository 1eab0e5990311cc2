import { expect, test, type Page } from '@playwright/test';
import { axeViolations, shot } from './helpers';

const ROUTES = [
	['home', '/', 'Today'],
	['review', '/review/', 'Review'],
	['practice', '/practice/?deck=two-plus-two-basics', 'Practice test'],
	['library', '/library/', 'Library'],
	['cards', '/library/cards/?deck=russia-japan-2plus2', 'Russia–Japan two-plus-two in Tokyo'],
	['settings', '/settings/', 'Settings'],
	['limits', '/settings/limits/?deck=two-plus-two-basics', 'Daily limits'],
	['stats', '/stats/', 'Statistics'],
	['import', '/import/', 'Import a deck'],
	['data', '/data/', 'Your data'],
	['about', '/about/', 'About Recall'],
	['studio', '/studio/', 'Studio']
] as const;

/**
 * Selects whose chosen option does not fit in the closed box (a phone shows it cut off, "Mixed
 * (choices while new, typi…"): the text's width in the select's own font against the room left
 * beside the arrow.
 */
async function cutSelects(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const context = document.createElement('canvas').getContext('2d');
		if (!context) return ['no canvas to measure with'];
		return [...document.querySelectorAll('select')]
			.filter((el) => el.getBoundingClientRect().width > 0)
			.flatMap((el) => {
				const style = getComputedStyle(el);
				context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
				const text = el.selectedOptions[0]?.text ?? '';
				const room =
					el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
				return context.measureText(text).width > room ? [`select "${text}" is cut off`] : [];
			});
	});
}

/** Interactive elements that are on screen, with their boxes. */
async function targets(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('a, button, input, select, summary, textarea')]
			.filter((el) => {
				const r = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
			})
			.map((el) => {
				const r = el.getBoundingClientRect();
				const label = (el.textContent || el.getAttribute('aria-label') || el.id || el.tagName)
					.trim()
					.slice(0, 30);
				return { label, x: r.x, y: r.y + scrollY, w: r.width, h: r.height };
			})
	);
}

function problems(boxes: Awaited<ReturnType<typeof targets>>, width: number): string[] {
	const found: string[] = [];
	for (const b of boxes) {
		if (b.x < 0) found.push(`"${b.label}" starts off screen`);
		if (b.x + b.w > width + 0.5) found.push(`"${b.label}" is cut off`);
	}
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i]!;
			const b = boxes[j]!;
			const overlap =
				Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 &&
				Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
			if (overlap) found.push(`"${a.label}" overlaps "${b.label}"`);
		}
	return found;
}

// One test per screen: the decks are installed once (a first visit), then the screen is loaded
// afresh in each colour scheme at each width. Soft checks, so one failing size still reports the
// others. Full-page screenshots (seconds each on a long page) are taken for a person to look at,
// when SHOTS_DIR names a folder for them.
for (const [name, path, heading] of ROUTES) {
	test(`${name} fits 320 and 390 px in light and dark mode: nothing cut off or overlapping, axe clean`, async ({
		page
	}) => {
		// A first visit, then four loads with an axe scan each. Measured at a load average of 30: 40
		// to 90 s, the card browser 156 s (its four axe scans, before they were made cheaper); about
		// twice that.
		test.setTimeout(300_000);
		await page.goto('/');
		// The first visit installs the bundled decks: over 5 s at a load average of 30.
		await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({
			timeout: 30_000
		});
		for (const scheme of ['light', 'dark'] as const) {
			for (const width of [320, 390]) {
				await test.step(`${scheme}, ${width} px`, async () => {
					await page.emulateMedia({ colorScheme: scheme });
					await page.setViewportSize({ width, height: 844 });
					await page.goto(path);
					await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
					await expect(page.getByText(/Loading/)).toHaveCount(0);
					await shot(page, `screens-${name}-${scheme}-${width}`, { fullPage: true });
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - document.documentElement.clientWidth
					);
					const where = `${name}, ${scheme}, ${width} px`;
					expect.soft(overflow, `${where}: page wider than the screen`).toBe(0);
					expect.soft(problems(await targets(page), width), where).toEqual([]);
					expect.soft(await cutSelects(page), where).toEqual([]);
					expect.soft(await axeViolations(page), where).toEqual([]);
				});
			}
		}
	});
}

test('a deck card looks the same on home and in the library (one shared rule)', async ({
	page
}) => {
	const look = async (path: string) => {
		await page.goto(path);
		// Past the first visit's setting-up cards, which the page replaces once the decks are in.
		await expect(page.getByText(/Setting up|Loading/)).toHaveCount(0, { timeout: 30_000 });
		const card = page.locator('.deck').first();
		await expect(card).toBeVisible();
		return card.evaluate((el) => {
			const s = getComputedStyle(el);
			const title = getComputedStyle(el.querySelector('h2, h3') as Element);
			return {
				background: s.backgroundColor,
				border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
				radius: s.borderTopLeftRadius,
				padding: s.padding,
				list: getComputedStyle(el.parentElement as Element).listStyleType,
				gap: getComputedStyle(el.parentElement as Element).rowGap,
				title: title.marginBottom
			};
		});
	};
	await page.goto('/');
	// The first visit installs the bundled decks: over 5 s at a load average of 30.
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible({ timeout: 30_000 });
	const home = await look('/');
	expect(home).toMatchObject({ radius: '14px', padding: '16px', list: 'none', gap: '12px' });
	const library = await look('/library/');
	expect(library).toEqual(home);
});
