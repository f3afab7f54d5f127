// Uploaded pictures: checked (type, size, readable as an image), resized with sharp to the kind's widths
// as WebP, and stored through the person's own Supabase client, so that the RLS policies on
// storage.objects decide who may write where (never the service role).
import {
	PICTURE_KINDS,
	PICTURE_MAX_BYTES,
	PICTURE_TYPES,
	newPicturePath,
	pictureHeight,
	pictureKey,
	pictureKeys,
	type PictureKind
} from '$lib/pictures';
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export type PictureProblem = 'required' | 'type' | 'size' | 'unreadable' | 'denied';

export class PictureError extends Error {
	constructor(readonly problem: PictureProblem) {
		super(`picture refused: ${problem}`);
	}
}

/** The uploaded file of a form field, or why it cannot be a picture (before reading its bytes). */
export function uploadedPicture(
	form: FormData,
	field: string
): { ok: true; file: File } | { ok: false; problem: PictureProblem } {
	const file = form.get(field);
	if (!(file instanceof File) || file.size === 0) return { ok: false, problem: 'required' };
	if (file.size > PICTURE_MAX_BYTES) return { ok: false, problem: 'size' };
	if (!(PICTURE_TYPES as readonly string[]).includes(file.type))
		return { ok: false, problem: 'type' };
	return { ok: true, file };
}

const readableFormats = new Set(['png', 'jpeg', 'webp']);

/**
 * Every width of a picture as WebP. Logos are contained in a white square (nothing cut off), photos
 * cropped to fill 3:2 around their most interesting part. Refuses bytes that are not a PNG, JPEG or WebP
 * whatever the browser said their type was.
 */
export async function resizePicture(kind: PictureKind, bytes: Uint8Array) {
	let format: string | undefined;
	try {
		format = (await sharp(bytes).metadata()).format;
	} catch {
		throw new PictureError('unreadable');
	}
	if (!format || !readableFormats.has(format)) throw new PictureError('type');
	try {
		return await Promise.all(
			PICTURE_KINDS[kind].widths.map(async (width) => ({
				width,
				bytes: await sharp(bytes)
					.rotate()
					.resize(
						width,
						pictureHeight(kind, width),
						kind === 'logo'
							? { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 1 } }
							: { fit: 'cover', position: sharp.strategy.attention }
					)
					.flatten({ background: '#ffffff' })
					.webp({ quality: 80 })
					.toBuffer()
			}))
		);
	} catch {
		throw new PictureError('unreadable');
	}
}

/**
 * Stores a picture's widths under `folder` with the person's session and returns its new path. Nothing is
 * left behind when a width is refused: the ones already stored are removed again.
 */
export async function storePicture(
	db: Db,
	{ kind, folder, file }: { kind: PictureKind; folder: string; file: File }
): Promise<string> {
	const widths = await resizePicture(kind, new Uint8Array(await file.arrayBuffer()));
	const path = newPicturePath(folder, kind, randomBytes(9).toString('hex'));
	const bucket = db.storage.from(PICTURE_KINDS[kind].bucket);
	const results = await Promise.all(
		widths.map(({ width, bytes }) =>
			bucket.upload(pictureKey(path, width), bytes, {
				contentType: 'image/webp',
				cacheControl: '31536000'
			})
		)
	);
	const failed = results.find((result) => result.error);
	if (failed?.error) {
		await removePicture(db, kind, path);
		if ('statusCode' in failed.error && failed.error.statusCode === '403')
			throw new PictureError('denied');
		throw failed.error;
	}
	return path;
}

/** Removes a picture's files (the ones the person may remove; others stay, as RLS says). */
export async function removePicture(db: Db, kind: PictureKind, path: string | null | undefined) {
	if (!path) return;
	const { error } = await db.storage
		.from(PICTURE_KINDS[kind].bucket)
		.remove(pictureKeys(kind, path));
	if (error) throw error;
}

/** The message for a refused picture, in the reader's language, and the status to answer with. */
export function pictureRefusal(problem: PictureProblem): { status: number; message: string } {
	switch (problem) {
		case 'required':
			return { status: 400, message: m.img_error_required() };
		case 'type':
			return { status: 415, message: m.img_error_type() };
		case 'size':
			return { status: 413, message: m.img_error_size() };
		case 'unreadable':
			return { status: 400, message: m.img_error_unreadable() };
		case 'denied':
			return { status: 403, message: m.img_error_denied() };
	}
}
