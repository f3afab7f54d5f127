// Plain-text descriptions as paragraphs: a blank line starts a new paragraph, a single newline a new line.

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
