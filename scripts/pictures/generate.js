#!/usr/bin/env node
// @ts-check
// Draws the site's default share image (static/og-default.png, 1200×630) and the demo seed's pictures
// (supabase/seed/storage/<bucket>/...: a few academy logos and activity photos, in the widths the app
// makes, as WebP). Simple shapes from SVG, so the output is the same on every run.
// Run with `node scripts/pictures/generate.js` after changing a drawing; commit what it writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedDir = path.join(root, 'supabase', 'seed', 'storage');
// The widths of src/lib/pictures.ts (PICTURE_KINDS).
const LOGO_WIDTHS = [128, 256, 512];
const PHOTO_WIDTHS = [480, 960, 1440];

const font = "font-family='DejaVu Sans, Liberation Sans, sans-serif'";

/** @param {string} letter @param {number} x @param {number} y @param {boolean} filled */
const tile = (letter, x, y, filled) => `
	<rect x='${x}' y='${y}' width='96' height='96' rx='14' fill='${filled ? '#166534' : '#ffffff'}'
		stroke='${filled ? '#166534' : '#a8a29e'}' stroke-width='5' ${filled ? '' : "stroke-dasharray='12 8'"}/>
	<text x='${x + 48}' y='${y + 67}' text-anchor='middle' ${font} font-size='58' font-weight='800'
		fill='${filled ? '#ffffff' : '#57534e'}'>${letter}</text>`;

const shareImage = `<svg xmlns='http://www.w3.org/2000/svg' width='1200' height='630' viewBox='0 0 1200 630'>
	<rect width='1200' height='630' fill='#f0fdf4'/>
	<rect x='0' y='0' width='1200' height='18' fill='#166534'/>
	<text x='90' y='250' ${font} font-size='112' font-weight='800' fill='#14532d'>Groeistoot</text>
	<text x='94' y='330' ${font} font-size='40' fill='#292524'>STEM voor kinderen en jongeren</text>
	<text x='94' y='385' ${font} font-size='40' fill='#292524'>in Vlaanderen en Brussel</text>
	${['S', 'T', 'E', 'M'].map((letter, index) => tile(letter, 94 + index * 120, 450, true)).join('')}
	<circle cx='1010' cy='300' r='150' fill='#dcfce7'/>
	<path d='M1010 420 C 1010 340 1010 300 1010 250' stroke='#15803d' stroke-width='16' fill='none' stroke-linecap='round'/>
	<path d='M1010 320 C 960 310 930 270 925 220 C 975 225 1005 260 1010 320 Z' fill='#15803d'/>
	<path d='M1010 280 C 1060 270 1095 230 1100 175 C 1045 180 1012 220 1010 280 Z' fill='#166534'/>
</svg>`;

/** Square logos: a shape and letters on a colour, drawn at 512 and scaled down. */
const logos = [
	{
		organisation: 'c1000000-0000-4000-8000-000000000001',
		svg: `<rect width='512' height='512' fill='#fef3c7'/>
			<circle cx='256' cy='210' r='120' fill='#d97706'/>
			<rect x='226' y='300' width='60' height='70' rx='10' fill='#92400e'/>
			<path d='M206 200 L246 240 L316 160' stroke='#ffffff' stroke-width='26' fill='none' stroke-linecap='round'/>
			<text x='256' y='460' text-anchor='middle' ${font} font-size='64' font-weight='800' fill='#78350f'>UITVINDERS</text>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000002',
		svg: `<rect width='512' height='512' fill='#1e3a8a'/>
			<rect x='136' y='120' width='240' height='200' rx='36' fill='#e0f2fe'/>
			<circle cx='206' cy='210' r='28' fill='#1e3a8a'/><circle cx='306' cy='210' r='28' fill='#1e3a8a'/>
			<rect x='206' y='262' width='100' height='18' rx='9' fill='#1e3a8a'/>
			<line x1='256' y1='120' x2='256' y2='70' stroke='#e0f2fe' stroke-width='14'/><circle cx='256' cy='62' r='18' fill='#fbbf24'/>
			<text x='256' y='430' text-anchor='middle' ${font} font-size='70' font-weight='800' fill='#ffffff'>ROBOTICA</text>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000003',
		svg: `<rect width='512' height='512' fill='#0f172a'/>
			<circle cx='300' cy='200' r='110' fill='#fde68a'/><circle cx='340' cy='170' r='100' fill='#0f172a'/>
			<circle cx='130' cy='110' r='8' fill='#ffffff'/><circle cx='420' cy='330' r='6' fill='#ffffff'/>
			<circle cx='90' cy='300' r='5' fill='#ffffff'/><circle cx='200' cy='360' r='7' fill='#ffffff'/>
			<text x='256' y='450' text-anchor='middle' ${font} font-size='72' font-weight='800' fill='#fde68a'>URANIA</text>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000004',
		svg: `<rect width='512' height='512' fill='#ffffff'/>
			<rect x='40' y='40' width='432' height='432' rx='60' fill='#0f766e'/>
			<text x='256' y='290' text-anchor='middle' ${font} font-size='150' font-weight='800' fill='#ffffff'>&lt;/&gt;</text>
			<text x='256' y='400' text-anchor='middle' ${font} font-size='52' font-weight='700' fill='#ccfbf1'>CoderDojo</text>`
	}
];

/** Landscape photos (3:2), drawn at 1440×960: scenes of the activity, no people. */
const photos = [
	{
		organisation: 'c1000000-0000-4000-8000-000000000001',
		activity: 'e1000000-0000-4000-8000-000000000001',
		alt: 'Een tablet met blokjescode naast een schetsboek met ontwerpen voor een app',
		svg: `<rect width='1440' height='960' fill='#e7e5e4'/>
			<rect x='180' y='200' width='620' height='460' rx='40' fill='#292524'/><rect x='220' y='240' width='540' height='380' rx='12' fill='#f5f5f4'/>
			<rect x='260' y='280' width='220' height='60' rx='12' fill='#f59e0b'/><rect x='300' y='360' width='260' height='60' rx='12' fill='#3b82f6'/>
			<rect x='300' y='440' width='180' height='60' rx='12' fill='#22c55e'/><rect x='260' y='520' width='300' height='60' rx='12' fill='#f59e0b'/>
			<rect x='880' y='260' width='400' height='480' rx='8' fill='#fffbeb' transform='rotate(6 1080 500)'/>
			<rect x='950' y='340' width='120' height='200' rx='20' fill='none' stroke='#78716c' stroke-width='8' transform='rotate(6 1080 500)'/>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000001',
		activity: 'e1000000-0000-4000-8000-000000000002',
		alt: 'Een zelfgebouwd huisje van hout met ledlampjes en een printplaat op de werktafel',
		svg: `<rect width='1440' height='960' fill='#d6d3d1'/><rect y='700' width='1440' height='260' fill='#a16207'/>
			<polygon points='420,380 720,160 1020,380' fill='#b45309'/><rect x='460' y='380' width='520' height='340' fill='#fde68a'/>
			<rect x='540' y='460' width='120' height='120' fill='#fef9c3' stroke='#92400e' stroke-width='10'/>
			<circle cx='860' cy='470' r='26' fill='#facc15'/><circle cx='860' cy='560' r='26' fill='#4ade80'/>
			<rect x='1080' y='760' width='260' height='150' rx='10' fill='#15803d'/>
			<circle cx='1130' cy='800' r='10' fill='#fbbf24'/><circle cx='1190' cy='840' r='10' fill='#fbbf24'/><circle cx='1270' cy='800' r='10' fill='#fbbf24'/>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000002',
		activity: 'e1000000-0000-4000-8000-000000000013',
		alt: 'Een kleine blauwe robot op wielen volgt een zwarte lijn op een wit parcours',
		svg: `<rect width='1440' height='960' fill='#f8fafc'/>
			<path d='M100 800 C 400 500 700 900 1000 600 S 1300 300 1380 200' stroke='#0f172a' stroke-width='40' fill='none'/>
			<rect x='560' y='420' width='320' height='200' rx='40' fill='#2563eb'/>
			<circle cx='620' cy='640' r='60' fill='#1e293b'/><circle cx='820' cy='640' r='60' fill='#1e293b'/>
			<rect x='600' y='460' width='240' height='80' rx='20' fill='#bfdbfe'/>
			<circle cx='660' cy='500' r='20' fill='#1e3a8a'/><circle cx='780' cy='500' r='20' fill='#1e3a8a'/>`
	},
	{
		organisation: 'c1000000-0000-4000-8000-000000000004',
		activity: 'e1000000-0000-4000-8000-000000000022',
		alt: 'Een laptop met een spelletje in Scratch naast een tent en een slaapzak',
		svg: `<rect width='1440' height='960' fill='#dbeafe'/><rect y='680' width='1440' height='280' fill='#86efac'/>
			<polygon points='900,700 1140,360 1380,700' fill='#f97316'/><polygon points='1100,700 1140,420 1180,700' fill='#7c2d12'/>
			<rect x='180' y='420' width='560' height='340' rx='24' fill='#334155'/><rect x='210' y='450' width='500' height='280' fill='#fef3c7'/>
			<rect x='120' y='760' width='680' height='40' rx='12' fill='#475569'/>
			<circle cx='360' cy='600' r='50' fill='#f59e0b'/><rect x='480' y='560' width='120' height='90' rx='16' fill='#8b5cf6'/>`
	}
];

/** @param {string} svg @param {number} width @param {number} height */
const render = (svg, width, height) =>
	`<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'>${svg}</svg>`;

/** @param {string} file @param {Buffer} bytes */
function write(file, bytes) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, bytes);
	console.log(`wrote ${path.relative(root, file)} (${bytes.length} bytes)`);
}

write(
	path.join(root, 'static', 'og-default.png'),
	await sharp(Buffer.from(shareImage)).png({ compressionLevel: 9, palette: true }).toBuffer()
);

fs.rmSync(seedDir, { recursive: true, force: true });
for (const logo of logos) {
	const source = Buffer.from(render(logo.svg, 512, 512));
	for (const width of LOGO_WIDTHS) {
		write(
			path.join(seedDir, 'organisation-logos', logo.organisation, `logo-demo-${width}.webp`),
			await sharp(source).resize(width, width).webp({ quality: 80 }).toBuffer()
		);
	}
}
for (const photo of photos) {
	const source = Buffer.from(render(photo.svg, 1440, 960));
	for (const width of PHOTO_WIDTHS) {
		write(
			path.join(
				seedDir,
				'activity-photos',
				photo.organisation,
				photo.activity,
				`photo-demo-${width}.webp`
			),
			await sharp(source)
				.resize(width, Math.round((width * 2) / 3))
				.webp({ quality: 75 })
				.toBuffer()
		);
	}
}

const sql = [
	'-- Generated by scripts/pictures/generate.js; do not edit. The files themselves are under',
	'-- supabase/seed/storage/ and the stack stores them after the SQL seed (stack/storage/seed.js).',
	'-- A few academies and activities get a picture; the others show their placeholders.',
	'',
	...logos.map(
		(logo) =>
			`update public.organisations set logo_path = '${logo.organisation}/logo-demo' where id = '${logo.organisation}';`
	),
	...photos.map(
		(photo) =>
			`update public.activities set photo_path = '${photo.organisation}/${photo.activity}/photo-demo', photo_alt = '${photo.alt.replaceAll("'", "''")}' where id = '${photo.activity}';`
	),
	''
].join('\n');
write(path.join(root, 'supabase', 'seed', '05_pictures.sql'), Buffer.from(sql));
