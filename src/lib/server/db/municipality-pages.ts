// Everything the page of one municipality shows: what exists there, what is nearby, its community's summary,
// its starters section and its coverage, in one API call (public.municipality_overview(): municipality_page()
// and coverage_of_municipality(), both security invoker: RLS decides as it did for the separate queries).
// The rows come in the shape PostgREST gave the separate queries; the app picks "nearby" by distance from
// the candidates in a box as before.
import { distanceKm, nearestFirst } from '$lib/public/nearby';
import type { LocalOrganisation, MunicipalityInfo, MunicipalityPage } from '$lib/public/types';
import type { Db } from '$lib/server/supabase';
import type { Tables } from '$lib/types/database';
import type { Domain, OrganisationKind } from '$lib/vocabulary';
import { summary as activitySummary, type SummaryRow as ActivityRow } from './activities';
import { coverageOfRows, type CoverageOfRows } from './coverage';
import { stemProfile, summary, validLabel, type SummaryRow } from './organisations';
import { startersSectionOf, type StarterBoard, type StartersSectionRow } from './starters';

export const NEARBY_RADIUS_KM = 15;
const ACTIVITIES_SHOWN = 12;
const NEARBY_SHOWN = 8;

export type MunicipalityLookup =
	| {
			found: true;
			page: MunicipalityPage;
			/** Its active community's id and member count (municipalityCommunitySummary()). */
			community: { id: string; members: number } | null;
			starters: { board: StarterBoard; organisations: { id: string; name: string }[] };
	  }
	| { found: false; currentNis: string | null };

/** What public.municipality_page() returns. */
type PageRow =
	| { found: false; current_nis: string | null }
	| {
			found: true;
			municipality: {
				nis: string;
				name_nl: string;
				province_nl: string | null;
				region: string;
				lat: number | null;
				lng: number | null;
			};
			local: OrganisationRow[];
			activities: ActivityRow[];
			activity_count: number;
			nearby_academies: (OrganisationRow & { lat: number; lng: number })[];
			nearby_activities: ActivityRow[];
			nearby_municipalities: {
				nis: string | null;
				name_nl: string | null;
				province_nl: string | null;
				lat: number | null;
				lng: number | null;
			}[];
			community: { id: string; members: number } | null;
			starters: StartersSectionRow;
	  };

/**
 * The page for a NIS code (five digits: the route's matcher checks) and its coverage in the school year, in
 * one call (municipality_overview()). A former (merged) municipality gives the `currentNis` to redirect to;
 * an unknown code gives `currentNis: null`.
 */
export async function getMunicipalityPage(
	db: Db,
	nis: string,
	today: string,
	startYear: number
): Promise<{ lookup: MunicipalityLookup } & ReturnType<typeof coverageOfRows>> {
	const { data, error } = await db.rpc('municipality_overview', {
		p_nis: nis,
		p_today: today,
		p_radius_km: NEARBY_RADIUS_KM,
		p_start_year: startYear
	});
	if (error) throw error;
	const answer = data as unknown as { page: PageRow; coverage: CoverageOfRows };
	return { lookup: toLookup(answer.page, today), ...coverageOfRows(answer.coverage) };
}

/** municipality_page()'s answer as the page reads it. */
function toLookup(row: PageRow, today: string): MunicipalityLookup {
	if (!row.found) return { found: false, currentNis: row.current_nis };

	const municipality: MunicipalityInfo = {
		nis: row.municipality.nis,
		name: row.municipality.name_nl,
		provinceNl: row.municipality.province_nl,
		region: row.municipality.region,
		lat: row.municipality.lat ?? 0,
		lng: row.municipality.lng ?? 0
	};

	const organisations = row.local.map((o) => localOrganisation(o, today));
	const byKind = (kind: OrganisationKind) => organisations.filter((o) => o.kind === kind);
	const nearbyAcademies = nearestFirst(
		row.nearby_academies.map((o) => ({
			...localOrganisation(o, today),
			lat: o.lat,
			lng: o.lng
		})),
		municipality,
		NEARBY_RADIUS_KM
	);

	// Academies per nearby municipality come from the candidates already fetched: no extra query.
	const academiesPerNis = new Map<string, number>();
	for (const academy of nearbyAcademies) {
		academiesPerNis.set(academy.place.nis, (academiesPerNis.get(academy.place.nis) ?? 0) + 1);
	}

	return {
		found: true,
		community: row.community && { id: row.community.id, members: Number(row.community.members) },
		starters: startersSectionOf(row.starters),
		page: {
			municipality,
			academies: byKind('academy'),
			schools: byKind('school'),
			companies: byKind('company'),
			partners: byKind('partner'),
			activities: row.activities.slice(0, ACTIVITIES_SHOWN).map(activitySummary),
			activityCount: Number(row.activity_count),
			nearby: {
				academies: nearbyAcademies
					.slice(0, NEARBY_SHOWN)
					.map(({ lat: _lat, lng: _lng, ...academy }) => academy),
				// Soonest first among those within the radius: a parent looks for the next thing to do.
				activities: row.nearby_activities
					.map(activitySummary)
					.map((activity) => ({ ...activity, distanceKm: distanceKm(municipality, activity) }))
					.filter((activity) => activity.distanceKm <= NEARBY_RADIUS_KM)
					.slice(0, NEARBY_SHOWN),
				municipalities: nearestFirst(
					row.nearby_municipalities.flatMap((m) =>
						m.nis && m.name_nl
							? [{ nis: m.nis, name: m.name_nl, provinceNl: m.province_nl, lat: m.lat, lng: m.lng }]
							: []
					),
					municipality,
					NEARBY_RADIUS_KM
				).map(({ lat: _lat, lng: _lng, ...m }) => ({
					...m,
					academyCount: academiesPerNis.get(m.nis) ?? 0
				}))
			}
		}
	};
}

type OrganisationRow = SummaryRow &
	Pick<Tables<'organisations'>, 'lat' | 'lng'> & {
		profile: Pick<
			Tables<'academy_profiles'>,
			| 'stem_letters'
			| 'accent_letters'
			| 'creative_link'
			| 'domains'
			| 'quality_label'
			| 'quality_label_expires_on'
		> | null;
	};

/** An organisation of the page; an academy with its quality label while it is valid `today`. */
function localOrganisation(row: OrganisationRow, today: string): LocalOrganisation {
	return {
		...summary(row),
		stem: stemProfile(row.profile),
		domains: (row.profile?.domains ?? []) as Domain[],
		qualityLabel: validLabel(row.profile, today)
	};
}
