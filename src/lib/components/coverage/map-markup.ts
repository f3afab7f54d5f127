// The coverage map's 304 linked outlines as one piece of SVG markup. Written here rather than by an {#each}
// in the component: Svelte writes `<path …></path>` and a class on every link, and the map is most of
// /dekking. Here each status is one group (`<g class="academy">`, the fill comes from the group), a path
// closes itself, and the page stays under the length past which it costs more to send (README, issue 15).
import { escapeHtml } from '$lib/markdown-lite';
import type { CoverageStatus } from '$lib/server/db/coverage';
import { COVERAGE_STATUSES } from './status';

export type MapArea = { nis: string; name: string; status: CoverageStatus; d: string };

/**
 * Each area as a link to `<pagesPath>/<NIS>` named by its title ("Gent: Academie"), grouped by status in
 * COVERAGE_STATUSES' order, each group in the areas' own order. Every text is escaped.
 */
export function mapAreasMarkup(
	areas: readonly MapArea[],
	pagesPath: string,
	label: (status: CoverageStatus) => string
): string {
	let markup = '';
	for (const status of COVERAGE_STATUSES) {
		const title = escapeHtml(label(status));
		let links = '';
		for (const area of areas) {
			if (area.status !== status) continue;
			links +=
				`<a href="${escapeHtml(`${pagesPath}/${area.nis}`)}"><title>${escapeHtml(area.name)}: ${title}` +
				`</title><path d="${escapeHtml(area.d)}"/></a>`;
		}
		if (links) markup += `<g class="${status}">${links}</g>`;
	}
	return markup;
}
