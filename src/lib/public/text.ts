// Plain-text descriptions as paragraphs (a blank line starts a new paragraph, a single newline a new line),
// and their excerpts on cards.

/** Paragraphs, each a list of lines; empty paragraphs and surrounding whitespace are dropped. */
export function paragraphs(text: string | null | undefined): string[][] {
	if (!text) return [];
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) =>
			block
				.split('\n')
				.map((line) => line.trim())
				.filter((line) => line !== '')
		)
		.filter((lines) => lines.length > 0);
}

const EXCERPT_LENGTH = 180;

/**
 * The first sentence(s) of a description on one line, cut at a word boundary with "…" when it is longer
 * than `length` (1 or more). Only the start can show: a long description's spaces are folded in a prefix
 * with room to spare, not in the whole text (a card list asks this for each of its 24 descriptions on every
 * request).
 */
export function excerpt(description: string, length = EXCERPT_LENGTH): string {
	const prefix = length * 2 + 16;
	let flat = description.slice(0, prefix).replace(/\s+/g, ' ').trimStart();
	// The prefix was mostly spaces: fold the whole text after all.
	if (description.length > prefix && flat.length <= length + 1) {
		flat = description.replace(/\s+/g, ' ').trimStart();
	}
	flat = flat.trimEnd();
	if (flat.length <= length) return flat;
	const cut = flat.slice(0, length);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:–-]+$/, '')}…`;
}
