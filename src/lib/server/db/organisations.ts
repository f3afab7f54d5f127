// Public reads of organisations: the lists with their filters, and one organisation by slug. Written to
// make a constant number of round trips per page: related rows come along as PostgREST embeds.
import { BRUSSELS_NIS_PREFIX, provinceBySlug } from '$lib/public/provinces';
import { pageRange, type ListFilters } from '$lib/public/filters';
import type {
	AcademyPage,
	AcademySummary,
	OrganisationPage,
	OrganisationSummary,
	Paged,
	Place,
	StemProfile
} from '$lib/public/types';
import { picture } from '$lib/pictures';
import { supabaseUrl, type Db } from '$lib/server/supabase';
import { todayInBelgium } from '$lib/public/format';
import { excerpt } from '$lib/public/text';
import { labelState } from './quality';
import type { Tables } from '$lib/types/database';
import type { PostgrestError } from '@supabase/supabase-js';
import type {
	ActivityStatus,
	Domain,
	Format,
	Language,
	OrganisationKind,
	PartnerType,
	QualityLabel,
	StemLetter
} from '$lib/vocabulary';

export const PAGE_SIZE = 24;

type PageResult<Row> = PromiseLike<{
	data: Row[] | null;
	error: PostgrestError | null;
	count: number | null;
}>;

/**
 * One page of a list and the number of rows in all. `run(range)` builds the filtered query: with a range
 * for the rows, with null for a count only. PostgREST answers a page past the end with an error and no
 * count; only then is the count asked separately, so a hand-typed `?pagina=99` still says how many there are.
 */
export async function fetchPage<Row>(
	page: number,
	run: (range: { from: number; to: number } | null) => PageResult<Row>
): Promise<Paged<Row>> {
	const { data, error, count } = await run(pageRange(page, PAGE_SIZE));
	if (error?.code === 'PGRST103') {
		const counted = await run(null);
		if (counted.error) throw counted.error;
		return { rows: [], total: counted.count ?? 0 };
	}
	if (error) throw error;
	return { rows: data ?? [], total: count ?? 0 };
}

/** A municipality's name as the queries embed it (`municipality:municipalities(name_nl, province_nl)`). */
export type MunicipalityName = Pick<Tables<'municipalities'>, 'name_nl' | 'province_nl'>;

export function place(nis: string, municipality: MunicipalityName | null): Place {
	return { nis, name: municipality?.name_nl ?? nis, provinceNl: municipality?.province_nl ?? null };
}

type StemColumns = Pick<
	Tables<'academy_overview'>,
	'stem_letters' | 'accent_letters' | 'creative_link'
>;

/** The STEM letters of an academy's profile (or of the overview's row); none when it has no profile. */
export function stemProfile(profile: StemColumns | null): StemProfile {
	return {
		letters: (profile?.stem_letters ?? []) as StemLetter[],
		accents: (profile?.accent_letters ?? []) as StemLetter[],
		creativeLink: profile?.creative_link ?? false
	};
}

/** The quality label while it is valid today, with its last day; null without one or once expired. */
export function validLabel(
	profile: Parameters<typeof labelState>[0],
	today: string
): { expiresOn: string | null } | null {
	const label = labelState(profile, today);
	return label.state === 'valid' ? { expiresOn: label.expiresOn } : null;
}

/**
 * Academies matching the filters, by name, one page of them. A format filter keeps academies with an
 * upcoming published activity of that format; an age keeps academies whose age range contains it.
 */
export async function listAcademies(db: Db, filters: ListFilters): Promise<Paged<AcademySummary>> {
	const today = todayInBelgium();
	const { rows, total } = await fetchPage(filters.page, (range) => {
		// academy_cards: academy_overview's card columns, read with `*` (cheaper for PostgREST than naming them).
		let query = db.from('academy_cards').select('*', { count: 'exact', head: range === null });
		// upcoming_formats holds the formats of the academy's published activities that have not ended.
		if (filters.format) query = query.contains('upcoming_formats', [filters.format]);
		const province = filters.province ? provinceBySlug(filters.province) : undefined;
		if (province?.provinceNl) query = query.eq('province_nl', province.provinceNl);
		else if (province) query = query.like('municipality_nis', `${BRUSSELS_NIS_PREFIX}%`);
		if (filters.municipality) query = query.eq('municipality_nis', filters.municipality);
		if (filters.domain) query = query.contains('domains', [filters.domain]);
		if (filters.age !== undefined) {
			query = query.lte('age_min', filters.age).gte('age_max', filters.age);
		}
		if (filters.label) {
			query = query
				.eq('quality_label', 'awarded')
				.or(`quality_label_expires_on.is.null,quality_label_expires_on.gte.${today}`);
		}
		return range ? query.order('name').order('id').range(range.from, range.to) : query;
	});

	return {
		total,
		rows: rows.map((row) => ({
			id: row.id!,
			name: row.name!,
			slug: row.slug!,
			place: {
				nis: row.municipality_nis!,
				name: row.municipality_name ?? row.municipality_nis!,
				provinceNl: row.province_nl
			},
			stem: stemProfile(row),
			domains: (row.domains ?? []) as Domain[],
			ageMin: row.age_min,
			ageMax: row.age_max,
			upcomingActivityCount: row.upcoming_activity_count ?? 0,
			verified: row.verification_status === 'verified',
			logo: picture(supabaseUrl(), 'logo', row.logo_path),
			qualityLabel: validLabel(
				{
					quality_label: row.quality_label ?? 'none',
					quality_label_expires_on: row.quality_label_expires_on
				},
				today
			)
		}))
	};
}

/** An organisation's card columns with its municipality as an embed gives it (academy_page() too). */
export type SummaryRow = Pick<
	Tables<'organisations'>,
	| 'id'
	| 'kind'
	| 'name'
	| 'slug'
	| 'partner_type'
	| 'description'
	| 'municipality_nis'
	| 'verification_status'
	| 'logo_path'
> & { municipality: MunicipalityName | null };

export function summary(row: SummaryRow): OrganisationSummary {
	return {
		id: row.id,
		kind: row.kind as OrganisationKind,
		name: row.name,
		slug: row.slug,
		partnerType: row.partner_type as PartnerType | null,
		place: place(row.municipality_nis, row.municipality),
		excerpt: excerpt(row.description),
		verified: row.verification_status === 'verified',
		// Beside the name on every card and page, so it says nothing the name does not: no alt text.
		logo: picture(supabaseUrl(), 'logo', row.logo_path)
	};
}

/** Schools, companies or partners matching a province and/or municipality, by name, one page. */
export async function listOrganisations(
	db: Db,
	kind: Exclude<OrganisationKind, 'academy'>,
	filters: ListFilters
): Promise<Paged<OrganisationSummary>> {
	const { rows, total } = await fetchPage(filters.page, (range) => {
		// organisation_cards: the card's columns with the municipality's, read with `*` (an embed and nine
		// columns named cost PostgREST more CPU per call).
		let query = db
			.from('organisation_cards')
			.select('*', { count: 'exact', head: range === null })
			.eq('kind', kind);
		const province = filters.province ? provinceBySlug(filters.province) : undefined;
		if (province?.provinceNl) query = query.eq('province_nl', province.provinceNl);
		else if (province) query = query.like('municipality_nis', `${BRUSSELS_NIS_PREFIX}%`);
		if (filters.municipality) query = query.eq('municipality_nis', filters.municipality);
		return range ? query.order('name').order('id').range(range.from, range.to) : query;
	});
	return { total, rows: rows.map((row) => summary(fromCard(row))) };
}

/**
 * An organisation_cards (or organisation_pages) row as the summary's row (view columns are nullable in the
 * generated types).
 */
function fromCard(row: Tables<'organisation_cards'>): SummaryRow {
	return {
		id: row.id!,
		kind: row.kind!,
		name: row.name!,
		slug: row.slug!,
		partner_type: row.partner_type,
		description: row.description ?? '',
		municipality_nis: row.municipality_nis!,
		verification_status: row.verification_status!,
		logo_path: row.logo_path,
		municipality: { name_nl: row.municipality_name!, province_nl: row.province_nl }
	};
}

type PageRow = SummaryRow &
	Pick<
		Tables<'organisations'>,
		'website' | 'public_email' | 'public_phone' | 'street_address' | 'postal_code'
	>;

function organisationPage(row: PageRow): OrganisationPage {
	return {
		...summary(row),
		description: row.description,
		contact: { website: row.website, email: row.public_email, phone: row.public_phone },
		streetAddress: row.street_address,
		postalCode: row.postal_code
	};
}

/**
 * A school, company or partner by slug; null when there is none of that kind. One round trip, read with
 * `*` from organisation_pages (the embed and fifteen columns named cost PostgREST four times the CPU).
 */
export async function getOrganisationBySlug(
	db: Db,
	kind: Exclude<OrganisationKind, 'academy'>,
	slug: string
): Promise<OrganisationPage | null> {
	const { data, error } = await db
		.from('organisation_pages')
		.select('*')
		.eq('kind', kind)
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	return data
		? organisationPage({
				...fromCard(data),
				website: data.website,
				public_email: data.public_email,
				public_phone: data.public_phone,
				street_address: data.street_address,
				postal_code: data.postal_code
			})
		: null;
}

/** What public.academy_page() returns: the columns the page's select read before, with the same names. */
type AcademyPageRow = PageRow & {
	profile: Pick<
		Tables<'academy_profiles'>,
		| 'stem_letters'
		| 'accent_letters'
		| 'creative_link'
		| 'domains'
		| 'age_min'
		| 'age_max'
		| 'languages'
		| 'officially_recognised'
		| 'quality_label'
		| 'quality_label_expires_on'
	> | null;
	activities: (Pick<
		Tables<'activities'>,
		| 'id'
		| 'title'
		| 'format'
		| 'domains'
		| 'age_min'
		| 'age_max'
		| 'start_date'
		| 'end_date'
		| 'session_count'
		| 'price_eur'
		| 'status'
		| 'municipality_nis'
		| 'photo_path'
		| 'photo_alt'
	> & { municipality: MunicipalityName | null })[];
};

/**
 * An academy with its profile and its published or cancelled activities that have not ended yet, in one
 * call (public.academy_page(), under the caller's RLS). Null for an unknown slug.
 */
export async function getAcademyBySlug(
	db: Db,
	slug: string,
	today: string
): Promise<AcademyPage | null> {
	const { data, error } = await db.rpc('academy_page', { p_slug: slug, p_today: today });
	if (error) throw error;
	if (!data) return null;

	const row = data as unknown as AcademyPageRow;
	const profile = row.profile;
	return {
		...organisationPage(row),
		stem: stemProfile(profile),
		domains: (profile?.domains ?? []) as Domain[],
		ageMin: profile?.age_min ?? null,
		ageMax: profile?.age_max ?? null,
		languages: (profile?.languages ?? []) as Language[],
		officiallyRecognised: profile?.officially_recognised ?? false,
		qualityLabel: (profile?.quality_label ?? 'none') as QualityLabel,
		validQualityLabel: validLabel(profile, today),
		activities: row.activities.map((activity) => ({
			id: activity.id,
			title: activity.title,
			format: activity.format as Format,
			domains: activity.domains as Domain[],
			ageMin: activity.age_min,
			ageMax: activity.age_max,
			startDate: activity.start_date,
			endDate: activity.end_date,
			sessionCount: activity.session_count,
			priceEur: Number(activity.price_eur),
			status: activity.status as ActivityStatus,
			place: place(activity.municipality_nis, activity.municipality),
			photo: picture(supabaseUrl(), 'photo', activity.photo_path, activity.photo_alt ?? '')
		}))
	};
}
