// The municipality filter's choices, grouped by province as the <select> shows them, in a compact form for
// the page data: each group's municipalities in one string ("11001:Aartselaar|11002:Antwerpen"). The ~300
// choices reach every public list's hydration data; as objects they were a third of the page's bytes and
// most of the values the server serialises per request.
import { escapeHtml } from '$lib/markdown-lite';
import { keptHtml } from '$lib/options-html';
import { PROVINCES } from './provinces';

export type MunicipalityChoice = { nis: string; name: string; province: string | null };

/** A province (or Brussels) and its municipalities, encoded: NIS code, colon, name; bars between them. */
export type MunicipalityGroup = { label: string; options: string };

const BRUSSELS = PROVINCES[5].name;

/** The choices by province in PROVINCES' order (Brussels, without a province, last); empty groups left out. */
export function groupMunicipalities(
	municipalities: readonly MunicipalityChoice[]
): MunicipalityGroup[] {
	return PROVINCES.map((province) => ({
		label: province.name,
		options: municipalities
			.filter((municipality) => (municipality.province ?? BRUSSELS) === province.name)
			.map(({ nis, name }) => `${nis}:${name.replaceAll('|', ' ')}`)
			.join('|')
	})).filter((group) => group.options !== '');
}

/** A group's municipalities back as NIS code and name, in their order. */
export function groupOptions(group: MunicipalityGroup): { nis: string; name: string }[] {
	return group.options.split('|').map((option) => {
		const colon = option.indexOf(':');
		return { nis: option.slice(0, colon), name: option.slice(colon + 1) };
	});
}

/** An option's value attribute: bare when it is digits only (a NIS code), as HTML allows, else quoted. */
const valueAttribute = (value: string) =>
	/^[0-9]+$/.test(value) ? `value=${value}` : `value="${escapeHtml(value)}"`;

/**
 * The groups as <optgroup>s of <option>s (value: the NIS code), the chosen municipality's option selected:
 * the HTML of the groups is kept (keptHtml()) and only the chosen option is marked. Written as compactly
 * as HTML allows (bare NIS codes, no </option>): the ~300 options are a fifth of a list page, and a page
 * over ~65 500 characters costs the server about a millisecond more to hash and send (README, issue 15).
 */
export function municipalityOptionsHtml(
	groups: readonly MunicipalityGroup[],
	chosen: string | null | undefined
): string {
	const key = `optgroups\n${groups.map((group) => `${group.label}\n${group.options}`).join('\n')}`;
	const html = keptHtml(key, () =>
		groups
			.map(
				(group) =>
					`<optgroup label="${escapeHtml(group.label)}">${groupOptions(group)
						.map(({ nis, name }) => `<option ${valueAttribute(nis)}>${escapeHtml(name)}`)
						.join('')}</optgroup>`
			)
			.join('')
	);
	if (!chosen) return html;
	const option = `<option ${valueAttribute(chosen)}>`;
	return html.replace(option, () => `<option ${valueAttribute(chosen)} selected>`);
}
