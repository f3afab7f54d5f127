import { describe, expect, it } from 'vitest';
import { paragraphs } from './text';

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
