import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PictureError, resizePicture, uploadedPicture } from './pictures';

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'gif') =>
	sharp({ create: { width, height, channels: 3, background: '#15803d' } })
		.toFormat(format)
		.toBuffer();

const form = (file: File | string | null) => {
	const data = new FormData();
	if (file !== null) data.set('file', file);
	return data;
};

describe('uploadedPicture', () => {
	it('takes a PNG, JPEG or WebP of at most 5 MB', () => {
		const file = new File([new Uint8Array(10)], 'logo.png', { type: 'image/png' });
		expect(uploadedPicture(form(file), 'file')).toEqual({ ok: true, file });
	});

	it('says what is wrong: nothing chosen, another type, too large', () => {
		expect(uploadedPicture(form(null), 'file')).toEqual({ ok: false, problem: 'required' });
		expect(uploadedPicture(form(new File([], 'leeg.png', { type: 'image/png' })), 'file')).toEqual({
			ok: false,
			problem: 'required'
		});
		expect(uploadedPicture(form('tekst'), 'file')).toEqual({ ok: false, problem: 'required' });
		const gif = new File([new Uint8Array(10)], 'logo.gif', { type: 'image/gif' });
		expect(uploadedPicture(form(gif), 'file')).toEqual({ ok: false, problem: 'type' });
		const large = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'groot.png', {
			type: 'image/png'
		});
		expect(uploadedPicture(form(large), 'file')).toEqual({ ok: false, problem: 'size' });
	});
});

describe('resizePicture', () => {
	it('makes square WebP logos of 128, 256 and 512 px from any shape', async () => {
		const widths = await resizePicture('logo', await image(300, 100, 'png'));
		const sizes = await Promise.all(
			widths.map(async ({ width, bytes }) => {
				const made = await sharp(bytes).metadata();
				return [width, made.format, made.width, made.height];
			})
		);
		expect(sizes).toEqual([
			[128, 'webp', 128, 128],
			[256, 'webp', 256, 256],
			[512, 'webp', 512, 512]
		]);
	});

	it('makes 3:2 WebP photos of 480, 960 and 1440 px', async () => {
		const widths = await resizePicture('photo', await image(400, 400, 'jpeg'));
		const heights = await Promise.all(
			widths.map(async ({ bytes }) => (await sharp(bytes).metadata()).height)
		);
		expect(heights).toEqual([320, 640, 960]);
	});

	it('refuses bytes that are no image, or an image of another type', async () => {
		await expect(resizePicture('logo', new TextEncoder().encode('geen beeld'))).rejects.toEqual(
			new PictureError('unreadable')
		);
		await expect(resizePicture('logo', await image(10, 10, 'gif'))).rejects.toEqual(
			new PictureError('type')
		);
	});
});
