// Renders the site's icons from static/favicon.svg with the Chromium that the e2e tests use:
// favicon.ico (16, 32 and 48 px PNGs in one ICO), apple-touch-icon.png (180 px, square: iOS rounds it),
// icon-192.png and icon-512.png for the web manifest, and icon-maskable-512.png (the glyph inside the
// safe zone on a full square). Run it after changing the SVG: node scripts/make-icons.js
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

const staticDir = new URL('../static/', import.meta.url);
const svg = readFileSync(new URL('favicon.svg', staticDir), 'utf8');
// Full-bleed variants: no rounded corners, and for the maskable one the glyph at 80 % in the middle.
const square = svg.replace(/ rx="\d+"/, '');
const maskable = square.replace(
	/(<path[^>]*\/>)/,
	'<g transform="translate(16 16) scale(0.8) translate(-16 -16)">$1</g>'
);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu']
});

async function render(source, size) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
	await page.setContent(
		`<html><body style="margin:0;background:transparent">${sized}</body></html>`
	);
	const png = await page.screenshot({ omitBackground: true, type: 'png' });
	await page.close();
	return png;
}

/** An ICO file whose images are PNGs (understood by every browser since Windows Vista). */
function ico(images) {
	const header = Buffer.alloc(6);
	header.writeUInt16LE(0, 0);
	header.writeUInt16LE(1, 2);
	header.writeUInt16LE(images.length, 4);
	const entries = [];
	let offset = 6 + 16 * images.length;
	for (const { size, png } of images) {
		const entry = Buffer.alloc(16);
		entry.writeUInt8(size >= 256 ? 0 : size, 0);
		entry.writeUInt8(size >= 256 ? 0 : size, 1);
		entry.writeUInt8(0, 2);
		entry.writeUInt8(0, 3);
		entry.writeUInt16LE(1, 4);
		entry.writeUInt16LE(32, 6);
		entry.writeUInt32LE(png.length, 8);
		entry.writeUInt32LE(offset, 12);
		offset += png.length;
		entries.push(entry);
	}
	return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

try {
	const small = [];
	for (const size of [16, 32, 48]) small.push({ size, png: await render(svg, size) });
	writeFileSync(new URL('favicon.ico', staticDir), ico(small));
	writeFileSync(new URL('apple-touch-icon.png', staticDir), await render(square, 180));
	writeFileSync(new URL('icon-192.png', staticDir), await render(svg, 192));
	writeFileSync(new URL('icon-512.png', staticDir), await render(svg, 512));
	writeFileSync(new URL('icon-maskable-512.png', staticDir), await render(maskable, 512));
} finally {
	await browser.close();
}
