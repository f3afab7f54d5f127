// The upload and remove actions of a picture page (an organisation's logo, an activity's photo): check the
// file, store its widths with the person's session, point the row at it, then remove the old files. A
// refusal anywhere leaves the row and the stored files as they were.
import { typeable } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import type { PictureKind } from '$lib/pictures';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	PictureError,
	pictureRefusal,
	removePicture,
	storePicture,
	uploadedPicture
} from '$lib/server/pictures';
import type { Db } from '$lib/server/supabase';
import { fail } from '@sveltejs/kit';

export type PictureErrors = Partial<Record<'file' | 'photoAlt' | 'form', string>>;

const ALT_MAX = 200;

type Target = {
	db: Db;
	kind: PictureKind;
	/** Where the new files go: the organisation's folder, or the activity's inside it. */
	folder: string;
	currentPath: string | null;
	/** Points the row at a path (null: no picture), with the photo's description. */
	save: (path: string | null, alt: string | null) => Promise<void>;
};

/** Stores the uploaded picture; a `fail` to return, or undefined once saved (the caller redirects). */
export async function uploadPicture(request: Request, target: Target) {
	const form = await request.formData();
	const alt = typeable(typeof form.get('photoAlt') === 'string' ? String(form.get('photoAlt')) : '')
		.replace(/\s+/g, ' ')
		.trim();
	const values = { photoAlt: alt };
	if (alt.length > ALT_MAX) {
		return fail(400, { values, errors: { photoAlt: m.img_error_alt_length() } as PictureErrors });
	}
	const upload = uploadedPicture(form, 'file');
	if (!upload.ok) {
		const { status, message } = pictureRefusal(upload.problem);
		return fail(status, { values, errors: { file: message } as PictureErrors });
	}

	let path: string;
	try {
		path = await storePicture(target.db, {
			kind: target.kind,
			folder: target.folder,
			file: upload.file
		});
	} catch (caught) {
		if (!(caught instanceof PictureError)) throw caught;
		const { status, message } = pictureRefusal(caught.problem);
		return fail(status, { values, errors: { file: message } as PictureErrors });
	}
	try {
		await target.save(path, alt || null);
	} catch (caught) {
		await removePicture(target.db, target.kind, path);
		if (caught instanceof DbFieldError) {
			return fail(400, { values, errors: { [caught.field]: caught.message } as PictureErrors });
		}
		throw caught;
	}
	await removePicture(target.db, target.kind, target.currentPath);
	return undefined;
}

/** Takes the picture away: the row first, so a page never points at files that are gone. */
export async function deletePicture(target: Target) {
	await target.save(null, null);
	await removePicture(target.db, target.kind, target.currentPath);
}
