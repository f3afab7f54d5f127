// The statistics pages' and open-data files' query parameters → two periods (or one) and the filters, or a
// StatisticsInputError naming the parameter and saying in the reader's language what is wrong.
import { m } from '$lib/paraglide/messages';
import { PUBLISHED_PROVINCES } from '$lib/published-labels';
import { schoolYearBounds, schoolYearOf } from '$lib/school-year';

export type Period = { from: string; to: string };

const MESSAGES = {
	date: m.st_error_date,
	order: m.st_error_period_order,
	province: m.st_error_province,
	academy: m.st_error_academy
};

/** What is wrong (`kind`) with which parameter; the message is in the reader's language. */
export class StatisticsInputError extends Error {
	constructor(
		readonly kind: keyof typeof MESSAGES,
		readonly param: string
	) {
		super(MESSAGES[kind]());
	}

	/** The message in a given language (the open-data files answer in both). */
	messageIn(locale: 'nl' | 'en'): string {
		return MESSAGES[this.kind]({}, { locale });
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "2026-09-01" when it is a real calendar day between 2000 and 2100, else undefined. */
export function parseDay(value: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real && year >= 2000 && year <= 2100 ? match[0] : undefined;
}

/** The school year `today` falls in, and the one before: the default periods. */
export function defaultPeriods(today: string): [Period, Period] {
	const current = schoolYearOf(today);
	const toPeriod = (year: number) => {
		const { from, to } = schoolYearBounds(year);
		return { from, to };
	};
	return [toPeriod(current - 1), toPeriod(current)];
}

/** One period from `fromParam`/`toParam`, each falling back to `fallback` when absent or empty. */
export function parsePeriod(
	params: URLSearchParams,
	fromParam: string,
	toParam: string,
	fallback: Period
): Period {
	const day = (param: string, otherwise: string) => {
		const value = params.get(param);
		if (value === null || value.trim() === '') return otherwise;
		const parsed = parseDay(value);
		if (!parsed) throw new StatisticsInputError('date', param);
		return parsed;
	};
	const period = { from: day(fromParam, fallback.from), to: day(toParam, fallback.to) };
	if (period.from > period.to) throw new StatisticsInputError('order', toParam);
	return period;
}

export type StatisticsQuery = {
	periods: [Period, Period];
	province: string | null;
	academy: string | null;
};

/** The statistics pages: van1/tot1 and van2/tot2 (default the previous and the current school year), provincie, academie. */
export function parseStatisticsQuery(params: URLSearchParams, today: string): StatisticsQuery {
	const [first, second] = defaultPeriods(today);
	const periods: [Period, Period] = [
		parsePeriod(params, 'van1', 'tot1', first),
		parsePeriod(params, 'van2', 'tot2', second)
	];
	const province = params.get('provincie')?.trim() || null;
	if (province !== null && !(PUBLISHED_PROVINCES as readonly string[]).includes(province)) {
		throw new StatisticsInputError('province', 'provincie');
	}
	const academy = params.get('academie')?.trim() || null;
	if (academy !== null && !UUID.test(academy)) {
		throw new StatisticsInputError('academy', 'academie');
	}
	return { periods, province, academy };
}
