import { describe, expect, it } from 'vitest';
import {
	domainLetters,
	initials,
	newPicturePath,
	picture,
	pictureKeys,
	pictureUrl,
	placeholderColour,
	PLACEHOLDER_COLOURS
} from './pictures';

const api = 'https://project.supabase.example/';
const org = 'c1000000-0000-4000-8000-000000000001';

describe('picture', () => {
	it('builds src, srcset and the intrinsic size of a logo from its stored path', () => {
		expect(picture(api, 'logo', `${org}/logo-abc`, 'Logo van De Uitvinders')).toEqual({
			src: `https://project.supabase.example/storage/v1/object/public/organisation-logos/${org}/logo-abc-256.webp`,
			srcset: [128, 256, 512]
				.map(
					(w) =>
						`https://project.supabase.example/storage/v1/object/public/organisation-logos/${org}/logo-abc-${w}.webp ${w}w`
				)
				.join(', '),
			width: 256,
			height: 256,
			alt: 'Logo van De Uitvinders',
			largest: {
				url: `https://project.supabase.example/storage/v1/object/public/organisation-logos/${org}/logo-abc-512.webp`,
				width: 512,
				height: 512
			}
		});
	});

	it('gives photos their 3:2 height and the photo widths', () => {
		const photo = picture(api, 'photo', `${org}/a/photo-x`)!;
		expect(photo.width).toBe(960);
		expect(photo.height).toBe(640);
		expect(photo.alt).toBe('');
		expect(photo.srcset.split(', ').map((entry) => entry.split(' ')[1])).toEqual([
			'480w',
			'960w',
			'1440w'
		]);
	});

	it('is null without a path', () => {
		expect(picture(api, 'logo', null)).toBeNull();
		expect(picture(api, 'photo', '')).toBeNull();
	});

	it('encodes each part of the key, never the slashes', () => {
		expect(pictureUrl('http://x', 'logo', 'a b/c', 128)).toBe(
			'http://x/storage/v1/object/public/organisation-logos/a%20b/c-128.webp'
		);
	});

	it('lists every file of a picture', () => {
		expect(pictureKeys('photo', 'p')).toEqual(['p-480.webp', 'p-960.webp', 'p-1440.webp']);
	});
});

describe('newPicturePath', () => {
	it('keeps only what the column allows', () => {
		expect(newPicturePath(org, 'logo', 'Lq-7Z_9')).toBe(`${org}/logo-lq7z9`);
	});
});

describe('placeholders', () => {
	it('takes the first letters of the first two words', () => {
		expect(initials('CoderDojo Gent')).toBe('CG');
		expect(initials('STEM-academie De Uitvinders')).toBe('SA');
		expect(initials('élan')).toBe('É');
		expect(initials('  ')).toBe('?');
	});

	it('gives a name the same colour every time', () => {
		expect(placeholderColour('CoderDojo Gent')).toBe(placeholderColour('CoderDojo Gent'));
		expect(PLACEHOLDER_COLOURS).toContain(placeholderColour('Robotica Club Leuven'));
	});
});

describe('domainLetters', () => {
	it('lights the letters an activity touches, always in S, T, E, M order', () => {
		expect(domainLetters(['programmeren', 'wiskunde_natuurwetenschappen'])).toEqual([
			{ letter: 'S', touched: true },
			{ letter: 'T', touched: true },
			{ letter: 'E', touched: false },
			{ letter: 'M', touched: true }
		]);
		expect(domainLetters(['andere']).every((tile) => !tile.touched)).toBe(true);
		expect(domainLetters(['constructor', 'toString']).every((tile) => !tile.touched)).toBe(true);
	});
});
