// The coverage map's 304 linked outlines as one piece of SVG markup. Written here rather than by an {#each}
// in the component: Svelte writes `<path …></path>` and a class on every link, and the map is most of
// /dekking. Here each status is one group (`<g class="academy">`, the fill comes from the group), a path
// closes itself, and the page stays under the length past which it costs more to send (docs/benchmarks.md).
import { escapeHtml } from '$lib/markdown-lite';
import type { CoverageStatus } from '$lib/server/db/coverage';
import { COVERAGE_STATUSES } from './status';

/** A shape of the map: its municipality and its `<path>` element, made once by outlineMarkup(). */
export type MapOutline = { nis: string; outline: string };
/** What the map says of a municipality. */
export type MapRow = { nis: string; name: string; status: CoverageStatus };

/**
 * The `<path>` element of an outline, its path data escaped: made once per shape when the map is built
 * (coverage-map-data.ts), not on each request (the 304 outlines are 46 kB, most of /dekking).
 */
export const outlineMarkup = (d: string) => `<path d="${escapeHtml(d)}"/>`;

/**
 * Each shape with a row as a link to `<pagesPath>/<NIS>` named by its title ("Gent: Academie"), grouped by
 * status in COVERAGE_STATUSES' order, each group in the shapes' order; a shape without a row is left out.
 * Every text is escaped (the outlines when they were made). One pass over the shapes, no object per area:
 * this runs on every request for /dekking.
 */
export function mapAreasMarkup(
	shapes: readonly MapOutline[],
	rows: readonly MapRow[],
	pagesPath: string,
	label: (status: CoverageStatus) => string
): string {
	const byNis = new Map(rows.map((row) => [row.nis, row]));
	const titles = new Map(COVERAGE_STATUSES.map((status) => [status, escapeHtml(label(status))]));
	const groups = new Map(COVERAGE_STATUSES.map((status) => [status, '']));
	const path = escapeHtml(pagesPath);
	for (const shape of shapes) {
		const row = byNis.get(shape.nis);
		if (!row || !groups.has(row.status)) continue;
		groups.set(
			row.status,
			`${groups.get(row.status)}<a href="${path}/${escapeHtml(shape.nis)}"><title>` +
				`${escapeHtml(row.name)}: ${titles.get(row.status)}</title>${shape.outline}</a>`
		);
	}
	let markup = '';
	for (const [status, links] of groups) if (links) markup += `<g class="${status}">${links}</g>`;
	return markup;
}
