// Pictures in Storage (organisation logos, activity photos): which widths exist, where each is served, and
// what an <img> needs to pick one (src, srcset, width and height). A row keeps only the picture's path;
// its files are `<path>-<width>.webp` in the kind's public bucket (see the pictures migration).

export const PICTURE_KINDS = {
	/** Square, the whole logo contained on white. */
	logo: { bucket: 'organisation-logos', widths: [128, 256, 512], ratio: 1 },
	/** Landscape 3:2, cropped to fill. */
	photo: { bucket: 'activity-photos', widths: [480, 960, 1440], ratio: 2 / 3 }
} as const;

export type PictureKind = keyof typeof PICTURE_KINDS;

/** What an <img> shows: the sizes come from the place it is shown in. */
export type Picture = {
	src: string;
	srcset: string;
	/** Intrinsic size of `src`, so the browser keeps the room before the file arrives. */
	width: number;
	height: number;
	/** Empty when the picture only decorates (the text beside it says the same). */
	alt: string;
	/** The largest width, for a share image (og:image). */
	largest: { url: string; width: number; height: number };
};

/** The types people may upload; the buckets take the same ones. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** The buckets' limit, 5 MiB. */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;

/** The height of a width of a kind. */
export const pictureHeight = (kind: PictureKind, width: number) =>
	Math.round(width * PICTURE_KINDS[kind].ratio);

/** The key of one width of a picture in its bucket. */
export const pictureKey = (path: string, width: number) => `${path}-${width}.webp`;

/** Every key a picture's files have, to upload or remove them together. */
export const pictureKeys = (kind: PictureKind, path: string) =>
	PICTURE_KINDS[kind].widths.map((width) => pictureKey(path, width));

/** The public URL of one width: Storage's /object/public/ route, as supabase-js's getPublicUrl builds it. */
export function pictureUrl(apiUrl: string, kind: PictureKind, path: string, width: number) {
	const key = pictureKey(path, width).split('/').map(encodeURIComponent).join('/');
	return `${apiUrl.replace(/\/+$/, '')}/storage/v1/object/public/${PICTURE_KINDS[kind].bucket}/${key}`;
}

/**
 * Everything an <img> needs for a stored picture, or null when there is none. `src` is the middle width
 * (what a browser without srcset gets); `largest` is what a share image uses.
 */
export function picture(
	apiUrl: string,
	kind: PictureKind,
	path: string | null | undefined,
	alt = ''
): Picture | null {
	if (!path) return null;
	const { widths } = PICTURE_KINDS[kind];
	// Each width's URL once (a card list builds them for 24 logos on every request).
	const urls = widths.map((width) => pictureUrl(apiUrl, kind, path, width));
	const middle = Math.floor(widths.length / 2);
	const largest = widths.length - 1;
	return {
		src: urls[middle]!,
		srcset: urls.map((url, index) => `${url} ${widths[index]}w`).join(', '),
		width: widths[middle]!,
		height: pictureHeight(kind, widths[middle]!),
		alt,
		largest: {
			url: urls[largest]!,
			width: widths[largest]!,
			height: pictureHeight(kind, widths[largest]!)
		}
	};
}

/**
 * A new path for a picture under `folder`: a fresh name each time, so a replaced picture never shows
 * from a cache under the old one's URL. Lower-case letters, digits and hyphens, as the columns require.
 */
export function newPicturePath(folder: string, name: 'logo' | 'photo', token: string) {
	return `${folder}/${name}-${token
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.slice(0, 24)}`;
}

/** One or two letters for a name without a logo: the first letters of its first two words. */
export function initials(name: string) {
	const words = name
		.split(/[\s\-–—/&.,]+/)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
		.filter(Boolean);
	const letters = words.slice(0, 2).map((word) => word[0]!.toLocaleUpperCase('nl'));
	return letters.join('') || '?';
}

/** The placeholder colours, all dark enough for white letters (contrast at least 4.5:1). */
export const PLACEHOLDER_COLOURS = [
	'bg-brand-800',
	'bg-sky-800',
	'bg-amber-800',
	'bg-fuchsia-800',
	'bg-teal-800',
	'bg-indigo-800'
] as const;

/** The same colour for a name every time, so an organisation keeps its colour across pages. */
export function placeholderColour(name: string) {
	let hash = 0;
	for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
	return PLACEHOLDER_COLOURS[hash % PLACEHOLDER_COLOURS.length]!;
}

const STEM = ['S', 'T', 'E', 'M'] as const;

const DOMAIN_LETTERS = new Map<string, readonly (typeof STEM)[number][]>([
	['techniek', ['T', 'E']],
	['programmeren', ['T']],
	['natuur', ['S']],
	['sterrenkunde', ['S']],
	['wiskunde_natuurwetenschappen', ['S', 'M']],
	['life_sciences', ['S']]
]);

/** The S, T, E and M an activity's domains touch, for the tiles that stand in for a missing photo. */
export function domainLetters(domains: readonly string[]) {
	return STEM.map((letter) => ({
		letter,
		touched: domains.some((domain) => DOMAIN_LETTERS.get(domain)?.includes(letter) === true)
	}));
}
