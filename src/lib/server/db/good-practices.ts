// Good practices: the library (good_practice_cards, whose policies are the posts'), one good practice, the
// communities a person may share into, and the RPCs that share, edit and feature one in one transaction.
import type { PracticeFilters } from '$lib/public/practice-filters';
import type { GoodPracticeForm, GoodPracticeValues } from '$lib/schemas/good-practice';
import type { Db } from '$lib/server/supabase';
import type { Domain, Format, StemLetter } from '$lib/vocabulary';
import { raiseDbError } from './db-errors';
import { fetchPage, type Page } from './paging';

export const PRACTICES_PAGE_SIZE = 24;

export type PracticeCommunity = {
	id: string;
	name: string;
	/** The community's page: /gemeenten/<nis>/community or /regios/<slug>. */
	path: string;
};

export type GoodPracticeSummary = {
	id: string;
	title: string;
	body: string;
	createdAt: string;
	stemLetters: StemLetter[];
	domains: Domain[];
	ageMin: number;
	ageMax: number;
	format: Format;
	featured: boolean;
	communities: PracticeCommunity[];
};

export type GoodPractice = GoodPracticeSummary & {
	authorId: string | null;
	authorName: string | null;
	status: string;
	whatWorked: string;
	materials: string;
	links: string[];
	participants: number | null;
};

const SUMMARY_COLUMNS =
	'id, title, body, created_at, stem_letters, domains, age_min, age_max, format, featured_at, communities';

type CommunityJson = {
	id: string;
	name: string;
	kind: string;
	nis: string | null;
	slug: string | null;
};

type SummaryRow = {
	id: string | null;
	title: string | null;
	body: string | null;
	created_at: string | null;
	stem_letters: string[] | null;
	domains: string[] | null;
	age_min: number | null;
	age_max: number | null;
	format: string | null;
	featured_at: string | null;
	communities: unknown;
};

export const communityPath = (community: Pick<CommunityJson, 'kind' | 'nis' | 'slug'>) =>
	community.kind === 'region'
		? `/regios/${community.slug}`
		: `/gemeenten/${community.nis}/community`;

function summary(row: SummaryRow): GoodPracticeSummary {
	const communities = (Array.isArray(row.communities) ? row.communities : []) as CommunityJson[];
	return {
		id: row.id ?? '',
		title: row.title ?? '',
		body: row.body ?? '',
		createdAt: row.created_at ?? '',
		stemLetters: (row.stem_letters ?? []) as StemLetter[],
		domains: (row.domains ?? []) as Domain[],
		ageMin: row.age_min ?? 0,
		ageMax: row.age_max ?? 0,
		format: row.format as Format,
		featured: row.featured_at !== null,
		communities: communities.map((community) => ({
			id: community.id,
			name: community.name,
			path: communityPath(community)
		}))
	};
}

/** One page of the library: visible good practices, featured first, then the newest. */
export async function listGoodPractices(
	db: Db,
	filters: PracticeFilters
): Promise<Page<GoodPracticeSummary>> {
	const page = await fetchPage(filters.page, PRACTICES_PAGE_SIZE, ({ from, to }) => {
		let query = db
			.from('good_practice_cards')
			.select(SUMMARY_COLUMNS, { count: 'exact' })
			.eq('status', 'visible');
		if (filters.province) query = query.contains('provinces', [filters.province]);
		if (filters.domain) query = query.contains('domains', [filters.domain]);
		if (filters.format) query = query.eq('format', filters.format);
		if (filters.stem) query = query.contains('stem_letters', [filters.stem]);
		if (filters.age !== undefined) {
			query = query.lte('age_min', filters.age).gte('age_max', filters.age);
		}
		return query
			.order('featured_at', { ascending: false, nullsFirst: false })
			.order('created_at', { ascending: false })
			.order('id')
			.range(from, to);
	});
	return { ...page, rows: page.rows.map(summary) };
}

/** A good practice the reader may see (visible, or hidden for its author, hosts and staff), or null. */
export async function getGoodPractice(db: Db, id: string): Promise<GoodPractice | null> {
	// good_practice_pages: the card's seventeen columns the page shows and the author's name, read with `*`
	// (the seventeen named cost PostgREST three times the CPU). The name is null where this reader may not
	// read the author's profile (the view runs under the reader's policies on profiles).
	const { data, error } = await db
		.from('good_practice_pages')
		.select('*')
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	return {
		...summary(data),
		authorId: data.author_id,
		authorName: data.author_name,
		status: data.status ?? 'visible',
		whatWorked: data.what_worked ?? '',
		materials: data.materials ?? '',
		links: data.links ?? [],
		participants: data.participants
	};
}

/** The form's values for an existing good practice. */
export function goodPracticeValues(practice: GoodPractice): GoodPracticeValues {
	return {
		title: practice.title,
		body: practice.body,
		format: practice.format,
		ageMin: String(practice.ageMin),
		ageMax: String(practice.ageMax),
		whatWorked: practice.whatWorked,
		materials: practice.materials,
		links: practice.links.join('\n'),
		participants: practice.participants === null ? '' : String(practice.participants),
		stemLetters: practice.stemLetters,
		domains: practice.domains,
		communities: practice.communities.map((community) => community.id)
	};
}

/**
 * The active communities the person belongs to (as a person or through an organisation), by name: where
 * they may share a good practice. The database checks it again when they share.
 */
export async function sharingCommunities(db: Db, userId: string): Promise<PracticeCommunity[]> {
	const [people, organisations] = await Promise.all([
		db.from('community_members').select('community_id').eq('user_id', userId),
		db.from('memberships').select('organisation_id').eq('user_id', userId)
	]);
	if (people.error) throw people.error;
	if (organisations.error) throw organisations.error;
	const ids = new Set(people.data.map((row) => row.community_id));
	const organisationIds = organisations.data.map((row) => row.organisation_id);
	if (organisationIds.length > 0) {
		const { data, error } = await db
			.from('community_members')
			.select('community_id')
			.in('organisation_id', organisationIds);
		if (error) throw error;
		for (const row of data) ids.add(row.community_id);
	}
	if (ids.size === 0) return [];
	const { data, error } = await db
		.from('communities')
		.select('id, name, kind, municipality_nis, slug')
		.in('id', [...ids])
		.eq('status', 'active')
		.order('name');
	if (error) throw error;
	return data.map((community) => ({
		id: community.id,
		name: community.name,
		path: communityPath({ ...community, nis: community.municipality_nis })
	}));
}

const practiceArguments = (form: GoodPracticeForm) => ({
	p_title: form.title,
	p_body: form.body,
	p_stem_letters: form.stemLetters,
	p_domains: form.domains,
	p_age_min: form.ageMin,
	p_age_max: form.ageMax,
	p_format: form.format,
	p_what_worked: form.whatWorked,
	p_materials: form.materials,
	p_links: form.links,
	// The generated types read a `default null` argument as non-null.
	p_participants: form.participants as number
});

/** Shares a good practice with its post and communities in one transaction; returns the post's id. */
export async function shareGoodPractice(
	db: Db,
	form: GoodPracticeForm & { communities: string[] }
): Promise<string> {
	const { data, error } = await db.rpc('share_good_practice', {
		...practiceArguments(form),
		p_community_ids: form.communities
	});
	if (error) raiseDbError(error);
	return data;
}

/** The author changes the good practice (post and structured side together). */
export async function updateGoodPractice(db: Db, id: string, form: GoodPracticeForm) {
	const { error } = await db.rpc('update_good_practice', {
		...practiceArguments(form),
		p_post_id: id
	});
	if (error) raiseDbError(error);
}

/** Network staff feature a good practice or take the feature away. */
export async function featureGoodPractice(db: Db, id: string, featured: boolean) {
	const { error } = await db.rpc('feature_good_practice', {
		p_post_id: id,
		p_featured: featured
	});
	if (error) raiseDbError(error);
}
