// The columns of an activity import, by their Dutch names (the template's header), and the words the
// import accepts for domains, formats and statuses: the published inventory's labels, the app's own labels
// in Dutch and English, and the codes.
import { PUBLISHED_DOMAIN_LABELS, PUBLISHED_FORMAT_LABELS } from '$lib/published-labels';
import {
	DOMAINS,
	domainLabel,
	FORMATS,
	formatLabel,
	type Domain,
	type Format
} from '$lib/vocabulary';

/** The fields of a row as import_activities() takes them. */
export type ImportField =
	| 'import_id'
	| 'academy'
	| 'title'
	| 'description'
	| 'domains'
	| 'format'
	| 'age_min'
	| 'age_max'
	| 'start_date'
	| 'end_date'
	| 'session_count'
	| 'venue_name'
	| 'venue_address'
	| 'municipality_nis'
	| 'municipality_name'
	| 'lat'
	| 'lng'
	| 'capacity'
	| 'price_eur'
	| 'status'
	| 'participants'
	| 'girls'
	| 'disadvantaged'
	| 'non_dutch_home_language'
	| 'special_needs';

export type ImportColumn = {
	/** The Dutch column name people see in the template and in every message. */
	name: string;
	field: ImportField;
	/** Must the header have it? (`nis` and `gemeente`: one of both, checked apart.) */
	required: boolean;
	/** Only in a network import, where each row names its academy. */
	networkOnly?: boolean;
};

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
	{ name: 'extern_id', field: 'import_id', required: true },
	{ name: 'academie', field: 'academy', required: true, networkOnly: true },
	{ name: 'titel', field: 'title', required: true },
	{ name: 'beschrijving', field: 'description', required: false },
	{ name: 'domeinen', field: 'domains', required: true },
	{ name: 'formaat', field: 'format', required: true },
	{ name: 'leeftijd_van', field: 'age_min', required: true },
	{ name: 'leeftijd_tot', field: 'age_max', required: true },
	{ name: 'startdatum', field: 'start_date', required: true },
	{ name: 'einddatum', field: 'end_date', required: false },
	{ name: 'aantal_sessies', field: 'session_count', required: false },
	{ name: 'locatie', field: 'venue_name', required: false },
	{ name: 'adres', field: 'venue_address', required: false },
	{ name: 'nis', field: 'municipality_nis', required: false },
	{ name: 'gemeente', field: 'municipality_name', required: false },
	{ name: 'breedtegraad', field: 'lat', required: false },
	{ name: 'lengtegraad', field: 'lng', required: false },
	{ name: 'capaciteit', field: 'capacity', required: false },
	{ name: 'prijs', field: 'price_eur', required: false },
	{ name: 'status', field: 'status', required: false },
	{ name: 'deelnemers', field: 'participants', required: false },
	{ name: 'meisjes', field: 'girls', required: false },
	{ name: 'kansengroep', field: 'disadvantaged', required: false },
	{ name: 'andere_thuistaal', field: 'non_dutch_home_language', required: false },
	{ name: 'specifieke_noden', field: 'special_needs', required: false }
];

/** The columns of a scope's template, in order. */
export function columnsFor(scope: 'academy' | 'network'): readonly ImportColumn[] {
	return IMPORT_COLUMNS.filter((column) => scope === 'network' || !column.networkOnly);
}

/** The Dutch column name of a field, for messages. */
export function columnName(field: string): string | null {
	return IMPORT_COLUMNS.find((column) => column.field === field)?.name ?? null;
}

/** A header cell as a column name: trimmed, lower case, spaces and dashes as underscores. */
export function normaliseHeader(cell: string): string {
	return cell
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/** A label as the import compares it: trimmed, lower case, one space between words. */
export function normaliseLabel(text: string): string {
	return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The languages the import writes its messages in. */
export type Locale = 'nl' | 'en';

type MessageFn = (inputs: object, options: { locale: Locale }) => string;

/** A label's words in a given locale (the vocabulary's labels follow the reader's). */
export const inLocale = (message: () => string, locale: Locale) =>
	(message as MessageFn)({}, { locale });

function lookup<Code extends string>(
	codes: readonly Code[],
	published: Record<Code, string>,
	appLabel: Record<Code, () => string>
): Map<string, Code> {
	const words = new Map<string, Code>();
	for (const code of codes) {
		for (const word of [
			code,
			published[code],
			inLocale(appLabel[code], 'nl'),
			inLocale(appLabel[code], 'en')
		]) {
			words.set(normaliseLabel(word), code);
		}
	}
	return words;
}

const DOMAIN_WORDS = lookup(DOMAINS, PUBLISHED_DOMAIN_LABELS, domainLabel);
const FORMAT_WORDS = lookup(FORMATS, PUBLISHED_FORMAT_LABELS, formatLabel);

/** The domain a word names, or null. */
export function domainFor(word: string): Domain | null {
	return DOMAIN_WORDS.get(normaliseLabel(word)) ?? null;
}

/** The format a word names, or null. */
export function formatFor(word: string): Format | null {
	return FORMAT_WORDS.get(normaliseLabel(word)) ?? null;
}

export type ImportStatus = 'published' | 'draft';

const STATUS_WORDS = new Map<string, ImportStatus>([
	['gepubliceerd', 'published'],
	['published', 'published'],
	['ontwerp', 'draft'],
	['draft', 'draft']
]);

/** The status a word names, or null. */
export function statusFor(word: string): ImportStatus | null {
	return STATUS_WORDS.get(normaliseLabel(word)) ?? null;
}

/** The words a template lists per vocabulary column: the published labels, and the statuses. */
export const ACCEPTED_LABELS = {
	domeinen: DOMAINS.map((code) => PUBLISHED_DOMAIN_LABELS[code]),
	formaat: FORMATS.map((code) => PUBLISHED_FORMAT_LABELS[code]),
	status: ['gepubliceerd', 'ontwerp']
} as const;
