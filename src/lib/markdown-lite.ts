// Markdown-lite: the little formatting posts and comments may carry (links, lists, emphasis, paragraphs),
// rendered to HTML that holds only the tags in ALLOWED_TAGS. Everything else a person types is escaped, so
// the output is safe to put in the page with {@html}: no raw HTML, no images, no javascript: links.

/** The only elements the output contains. */
export const ALLOWED_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'a', 'em', 'strong'] as const;

/** The rel every link carries: written by people, so search engines should not count it and it opens nothing. */
export const LINK_REL = 'nofollow ugc noopener';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** A link's address when it is an absolute http(s) URL, in its normalised form; null otherwise. */
export function safeHref(address: string): string | null {
	if (!/^https?:\/\//i.test(address)) return null;
	try {
		const url = new URL(address);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

// [text](https://...) and bare addresses. A bare address ends before whitespace, brackets or quotes; the
// punctuation that usually closes a sentence is not part of it.
const LINK =
	/\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()<>]{1,2000})\)|(https?:\/\/[^\s<>"'()[\]]{1,2000})/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Strong (**…**) and emphasis (*…* or _…_) within escaped text; a marker that does not pair stays. */
function emphasis(escaped: string): string {
	return escaped
		.replace(/\*\*(?=\S)([^<]*?\S)\*\*/g, '<strong>$1</strong>')
		.replace(
			/\*(?=[^\s*])([^<*]*?[^\s*])\*|\*([^\s*<])\*/g,
			(_, long, short) => `<em>${long ?? short}</em>`
		)
		.replace(
			/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^<_]*?[^\s_]|[^\s_<])_(?![\p{L}\p{N}_])/gu,
			'$1<em>$2</em>'
		);
}

function anchor(href: string, label: string): string {
	return `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${label}</a>`;
}

/** One line (or a list item's text) with its links and emphasis. */
export function renderInline(source: string): string {
	let html = '';
	let from = 0;
	for (const match of source.matchAll(LINK)) {
		const [whole, label, labelled, bare] = match;
		let consumed = whole;
		let link: string | null = null;
		if (label !== undefined && labelled !== undefined) {
			const href = safeHref(labelled);
			if (href) link = anchor(href, emphasis(escapeHtml(label)));
		} else if (bare !== undefined) {
			const address = bare.replace(TRAILING_PUNCTUATION, '');
			consumed = address;
			const href = address.length > 'https://'.length ? safeHref(address) : null;
			if (href) link = anchor(href, escapeHtml(address));
		}
		if (!link) continue;
		html += emphasis(escapeHtml(source.slice(from, match.index))) + link;
		from = match.index + consumed.length;
	}
	return html + emphasis(escapeHtml(source.slice(from)));
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;

type Block = { kind: 'p' | 'ul' | 'ol'; lines: string[] };

/** The blocks of a text: paragraphs (blank lines between them) and runs of bulleted or numbered lines. */
function blocks(source: string): Block[] {
	const result: Block[] = [];
	let current: Block | null = null;
	for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
		if (line.trim() === '') {
			current = null;
			continue;
		}
		const bullet = BULLET.exec(line);
		const numbered = bullet ? null : NUMBERED.exec(line);
		const kind = bullet ? 'ul' : numbered ? 'ol' : 'p';
		const content = (bullet ?? numbered)?.[1] ?? line.trim();
		if (!current || current.kind !== kind) {
			current = { kind, lines: [] };
			result.push(current);
		}
		current.lines.push(content);
	}
	return result;
}

/** The HTML of a post's or comment's text. */
export function renderMarkdownLite(source: string): string {
	return blocks(source)
		.map(({ kind, lines }) =>
			kind === 'p'
				? `<p>${lines.map(renderInline).join('<br>')}</p>`
				: `<${kind}>${lines.map((line) => `<li>${renderInline(line)}</li>`).join('')}</${kind}>`
		)
		.join('');
}

/** The text without its formatting, for a short excerpt (a list of posts, a notification). */
export function plainExcerpt(source: string, max = 200): string {
	const plain = source
		.replace(/\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()<>]+)\)/gi, '$1')
		.replace(/(\*\*|\*|_)(?=\S)(.+?)(?<=\S)\1/g, '$2')
		.replace(/^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/gm, '')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
