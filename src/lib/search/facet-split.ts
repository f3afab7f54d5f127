// A long facet list: its first values, then the rest behind "meer". A chosen value is never hidden.

export type SplitOptions<T> = { shown: T[]; more: T[] };

export function splitFacetOptions<T extends { checked: boolean }>(
	options: readonly T[],
	first = 5
): SplitOptions<T> {
	// A list only one longer than `first` is shown whole: "1 meer" hides less than it costs.
	if (options.length <= first + 1) return { shown: [...options], more: [] };
	const shown: T[] = [];
	const more: T[] = [];
	options.forEach((option, index) => (index < first || option.checked ? shown : more).push(option));
	return { shown, more };
}
