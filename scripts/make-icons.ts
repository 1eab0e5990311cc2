/**
 * Renders static/favicon.svg into the PNG icons the manifest and iOS need, with Debian's Chromium.
 * Run after changing the icon: `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('static/favicon.svg', 'utf8');
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();

async function render(file: string, size: number, padding: number, background: string) {
	await page.setViewportSize({ width: size, height: size });
	const inner = size - padding * 2;
	await page.setContent(
		`<body style="margin:0;background:${background};display:grid;place-items:center;height:${size}px">` +
			`<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`
	);
	await page.screenshot({ path: file, omitBackground: background === 'transparent' });
}

await render('static/icon-192.png', 192, 0, 'transparent');
await render('static/icon-512.png', 512, 0, 'transparent');
// Maskable: the safe zone is the inner 80%, on a full-bleed background.
await render('static/icon-maskable-512.png', 512, 56, '#1f4e8c');
await render('static/apple-touch-icon.png', 180, 0, '#1f4e8c');
await browser.close();
