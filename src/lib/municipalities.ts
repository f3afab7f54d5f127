// How a municipality is shown in the type-ahead ("Gent — Oost-Vlaanderen") and found back from what was typed.

export type MunicipalityOption = {
	nis: string;
	name: string;
	/** Province without the "Provincie " prefix; null for the Brussels-Capital Region. */
	province: string | null;
	region: string;
};

const BRUSSELS_REGION = 'Brussels Hoofdstedelijk Gewest';
const LABEL_SEPARATOR = ' — ';

export function municipalityLabel(municipality: MunicipalityOption): string {
	const area =
		municipality.province ??
		(municipality.region === 'BRU' ? BRUSSELS_REGION : municipality.region);
	return `${municipality.name}${LABEL_SEPARATOR}${area}`;
}

/** "Provincie Oost-Vlaanderen" → "Oost-Vlaanderen". */
export function shortProvinceName(province: string | null): string | null {
	return province ? province.replace(/^Provincie\s+/i, '') : null;
}

/** Case, accents, dash style and spacing do not matter when matching what someone typed. */
function normalise(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/\s*[—–-]\s*/g, ' - ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The NIS code for a typed label or bare name; `null` for an empty input; `undefined` when it matches no
 * current municipality (or a bare name matches several).
 */
export function resolveMunicipality(
	options: readonly MunicipalityOption[],
	typed: string
): string | null | undefined {
	const wanted = normalise(typed);
	if (wanted === '') return null;

	const byLabel = options.find((option) => normalise(municipalityLabel(option)) === wanted);
	if (byLabel) return byLabel.nis;

	const byName = options.filter((option) => normalise(option.name) === wanted);
	return byName.length === 1 ? byName[0]?.nis : undefined;
}

/**
 * Labels for the type-ahead: names that start with what was typed first, then names that contain it.
 * The province only counts once someone types past the name ("gent — oost").
 */
export function suggestMunicipalities(
	labels: readonly string[],
	typed: string,
	limit = 8
): string[] {
	const wanted = normalise(typed);
	if (wanted === '') return [];
	const keyed = labels.map((label) => ({
		label,
		key: normalise(label),
		name: normalise(label.split(LABEL_SEPARATOR)[0] ?? label)
	}));
	const ranked = [
		...keyed.filter(({ name }) => name.startsWith(wanted)),
		...keyed.filter(({ name, key }) => !name.startsWith(wanted) && key.startsWith(wanted)),
		...keyed.filter(({ name, key }) => !key.startsWith(wanted) && name.includes(wanted))
	];
	return ranked.slice(0, limit).map(({ label }) => label);
}
