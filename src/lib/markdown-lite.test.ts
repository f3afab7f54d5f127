import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
	ALLOWED_TAGS,
	LINK_REL,
	plainExcerpt,
	renderInline,
	renderMarkdownLite,
	safeHref
} from './markdown-lite';

type Element = { name: string; attributes: Record<string, string> };

/** Every element of an HTML fragment, and whether each was closed where it was opened (no misnesting). */
function parse(html: string) {
	const elements: Element[] = [];
	const open: string[] = [];
	let balanced = true;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				elements.push({ name, attributes });
				if (name !== 'br') open.push(name);
			},
			onclosetag(name, isImplied) {
				if (name === 'br') return;
				if (isImplied || open.pop() !== name) balanced = false;
			}
		},
		{ decodeEntities: true, recognizeSelfClosing: true }
	);
	parser.write(html);
	parser.end();
	return { elements, balanced: balanced && open.length === 0 };
}

describe('renderMarkdownLite', () => {
	it('writes paragraphs, line breaks, emphasis and strong', () => {
		expect(renderMarkdownLite('Hallo **wereld** en *jij* en _dat_\nnieuwe lijn\n\nTweede')).toBe(
			'<p>Hallo <strong>wereld</strong> en <em>jij</em> en <em>dat</em><br>nieuwe lijn</p><p>Tweede</p>'
		);
	});

	it('writes bulleted and numbered lists', () => {
		expect(renderMarkdownLite('- een\n* twee\n\n1. eerst\n2) dan')).toBe(
			'<ul><li>een</li><li>twee</li></ul><ol><li>eerst</li><li>dan</li></ol>'
		);
	});

	it('links http and https addresses, named or bare, as nofollow ugc', () => {
		expect(renderInline('[De site](https://groeistoot.be/a_b*c) en http://example.com/x.')).toBe(
			`<a href="https://groeistoot.be/a_b*c" rel="${LINK_REL}">De site</a> en ` +
				`<a href="http://example.com/x" rel="${LINK_REL}">http://example.com/x</a>.`
		);
	});

	it('escapes HTML and leaves other schemes and images as text', () => {
		const html = renderMarkdownLite(
			'<script>alert(1)</script> [x](javascript:alert(1)) ![foto](https://a.be/f.png) <img src=x onerror=alert(1)>'
		);
		expect(html).not.toMatch(/<script|<img|javascript:[^)]*"/);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('[x](javascript:alert(1))');
		expect(parse(html).elements.map((element) => element.name)).toEqual(['p', 'a']);
	});

	it('does not read underscores inside words as emphasis', () => {
		expect(renderInline('snake_case_word en 2*3*4')).toBe('snake_case_word en 2<em>3</em>4');
	});

	it('leaves an unpaired marker as it is', () => {
		expect(renderInline('**half en *ook')).toBe('**half en *ook');
	});

	it('quotes an address that carries quotes', () => {
		const html = renderInline('[x](https://a.be/"onmouseover=alert(1))');
		expect(parse(html).elements.every((element) => !('onmouseover' in element.attributes))).toBe(
			true
		);
	});

	it('gives nothing for an empty text', () => {
		expect(renderMarkdownLite('  \n\n ')).toBe('');
	});
});

describe('safeHref', () => {
	it.each([
		['https://groeistoot.be', 'https://groeistoot.be/'],
		['HTTP://Example.com/a', 'http://example.com/a'],
		['javascript:alert(1)', null],
		['data:text/html,x', null],
		['//example.com', null],
		['https://', null]
	])('%s → %s', (address, expected) => {
		expect(safeHref(address)).toBe(expected);
	});
});

describe('plainExcerpt', () => {
	it('drops the formatting and shortens', () => {
		expect(plainExcerpt('- **Vet** en [link](https://a.be)\n- twee', 200)).toBe('Vet en link twee');
		expect(plainExcerpt('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
	});
});

// Whatever a person types, the page gets only the allowed elements, properly nested, with no attribute but
// a link's http(s) href and its rel.
const pieces = fc.constantFrom(
	'*',
	'**',
	'_',
	'[',
	']',
	'(',
	')',
	'<',
	'>',
	'"',
	"'",
	'&',
	'\n',
	'\n\n',
	'- ',
	'1. ',
	' ',
	'a',
	'https://',
	'http://x.be/',
	'javascript:',
	'<script>',
	'</p>',
	'<a href="x">',
	'![i](https://a.be/i.png)',
	'[l](https://a.be/)',
	'onerror=',
	'&lt;',
	'\u0000'
);
const inputs = fc.oneof(
	fc.string({ maxLength: 200 }),
	fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
	fc
		.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 })
		.map((parts) => parts.join(''))
);

describe('renderMarkdownLite on any input', () => {
	it('writes only allowed elements, balanced, with safe links', () => {
		fc.assert(
			fc.property(inputs, (source) => {
				const html = renderMarkdownLite(source);
				const { elements, balanced } = parse(html);
				expect(balanced).toBe(true);
				for (const { name, attributes } of elements) {
					expect(ALLOWED_TAGS).toContain(name);
					if (name === 'a') {
						expect(Object.keys(attributes).sort()).toEqual(['href', 'rel']);
						expect(attributes.rel).toBe(LINK_REL);
						expect(safeHref(attributes.href!)).toBe(attributes.href);
					} else {
						expect(attributes).toEqual({});
					}
				}
			}),
			{ numRuns: 2000 }
		);
	}, 30_000);

	it('keeps every letter and digit of the text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 100 }), (source) => {
				const text = renderMarkdownLite(source)
					.replace(/<[^>]*>/g, '')
					.replace(/&(?:amp|lt|gt|quot|#39);/g, '');
				const letters = (value: string) => value.replace(/[^\p{L}\p{N}]/gu, '');
				expect(letters(text)).toBe(letters(source.replace(/^\s*\d{1,3}[.)]\s+/gm, '')));
			}),
			{ numRuns: 500 }
		);
	}, 30_000);
});
