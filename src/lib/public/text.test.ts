import { describe, expect, it } from 'vitest';
import { excerpt, paragraphs } from './text';

describe('paragraphs', () => {
	it('splits on blank lines into paragraphs and on newlines into lines', () => {
		expect(
			paragraphs('Eerste alinea.\nNog een regel.\n\n\n  Tweede alinea.  \r\n\r\nDerde.')
		).toEqual([['Eerste alinea.', 'Nog een regel.'], ['Tweede alinea.'], ['Derde.']]);
	});

	it('keeps markup as text; rendering escapes it', () => {
		expect(paragraphs('<script>alert(1)</script>')).toEqual([['<script>alert(1)</script>']]);
	});

	it('gives nothing for empty text', () => {
		expect(paragraphs('')).toEqual([]);
		expect(paragraphs(null)).toEqual([]);
		expect(paragraphs(' \n \n ')).toEqual([]);
	});
});

describe('excerpt', () => {
	/** The excerpt as it was made before: the whole text's spaces folded first. */
	function wholeText(description: string, length: number): string {
		const flat = description.replace(/\s+/g, ' ').trim();
		if (flat.length <= length) return flat;
		const cut = flat.slice(0, length);
		const lastSpace = cut.lastIndexOf(' ');
		return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:–-]+$/, '')}…`;
	}

	it('keeps a short description whole, on one line', () => {
		expect(excerpt('  Robots\n\nbouwen  en   programmeren. ')).toBe(
			'Robots bouwen en programmeren.'
		);
	});

	it('cuts a long one at a word boundary, without trailing punctuation', () => {
		const text = `${'Wij bouwen robots met jongeren, '.repeat(20)}en meer.`;
		const shown = excerpt(text);
		expect(shown.endsWith('…')).toBe(true);
		expect(shown.length).toBeLessThanOrEqual(181);
		expect(text.startsWith(shown.slice(0, -1))).toBe(true);
		expect(shown).not.toMatch(/[\s,]…$/);
	});

	it('gives what folding the whole text gives, also when long runs of spaces fill its start', () => {
		// A small generator with a fixed seed: words, punctuation and runs of every kind of space.
		// (Park–Miller: the product stays below 2^53, so every step is exact.)
		let seed = 7;
		const next = (n: number) => {
			seed = (seed * 48271) % 2147483647;
			return seed % n;
		};
		const texts = new Set<string>();
		const pieces = ['robot', 'STEM', 'de', 'kinderen', ',', '.', ';', '–', 'é', '🚀'];
		const spaces = [' ', '\n', '\t', '\u00a0', '\r\n', ' '.repeat(50), '\n'.repeat(400)];
		for (let i = 0; i < 3000; i++) {
			const parts: string[] = [];
			const count = next(300);
			for (let j = 0; j < count; j++) {
				parts.push(next(3) === 0 ? spaces[next(spaces.length)]! : pieces[next(pieces.length)]!);
				if (next(2) === 0) parts.push(' ');
			}
			const text = parts.join('');
			texts.add(text);
			for (const length of [180, 20, 1]) {
				expect(excerpt(text, length), JSON.stringify({ text, length })).toBe(
					wholeText(text, length)
				);
			}
		}
		// the generator makes different texts, not a few over and over
		expect(texts.size).toBeGreaterThan(2900);
		const spacedOut = `${' '.repeat(1000)}${'lang verhaal '.repeat(40)}`;
		expect(excerpt(spacedOut)).toBe(wholeText(spacedOut, 180));
		const fewWords = `kort${' \n'.repeat(500)}einde`;
		expect(excerpt(fewWords)).toBe('kort einde');
	});
});
