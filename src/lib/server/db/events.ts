// Community events: reading them (one, a community's upcoming ones, the agenda with academy activities,
// a person's feed), creating them, and RSVPs. Every call runs with the request's client; who may do what
// is decided in the database (RLS and the event functions).
import { todayInBelgium } from '$lib/public/format';
import type { EventInput, EventKind } from '$lib/schemas/event';
import type { Db } from '$lib/server/supabase';
import { raiseDbError } from './db-errors';

export type EventStatus = 'scheduled' | 'cancelled';
export type RsvpStatus = 'going' | 'waiting' | 'cancelled';

export type CommunityRef = {
	id: string;
	name: string;
	/** For communityPaths() on the pages. */
	address: { nis: string | null; slug: string | null };
	/** The community's page: /gemeenten/<nis>/community or /regios/<slug>. */
	path: string;
};

export type EventSummary = {
	id: string;
	kind: EventKind;
	title: string;
	startsAt: string;
	endsAt: string;
	address: string;
	municipalityName: string;
	status: EventStatus;
	capacity: number | null;
};

export type EventPage = EventSummary & {
	description: string;
	organiserId: string;
	organiserName: string | null;
	organisationName: string | null;
	community: CommunityRef;
	going: number;
	waiting: number;
	updatedAt: string;
};

export type MyRsvp = { status: RsvpStatus; waitingPlace: number | null } | null;

export type Attendee = {
	userId: string;
	displayName: string;
	status: 'going' | 'waiting';
	waitingPlace: number | null;
};

/** An entry of a community's agenda: one of its events, or an academy activity in one of its places. */
export type AgendaItem =
	| {
			type: 'event';
			id: string;
			title: string;
			kind: EventKind;
			startsAt: string;
			endsAt: string;
			place: string;
			href: string;
			cancelled: boolean;
	  }
	| {
			type: 'activity';
			id: string;
			title: string;
			startDate: string;
			endDate: string;
			place: string;
			href: string;
	  };

export type CommunityPlaces = CommunityRef & { places: { nis: string; name: string }[] };

const EVENT_COLUMNS =
	'id, kind, title, starts_at, ends_at, address, status, capacity, municipality:municipalities(name_nl)';

type CommunityRow = {
	id: string;
	name: string;
	kind: string;
	slug: string | null;
	municipality_nis: string | null;
};

export function communityPath(
	row: Pick<CommunityRow, 'kind' | 'slug' | 'municipality_nis'>
): string {
	return row.kind === 'region'
		? `/regios/${row.slug}`
		: `/gemeenten/${row.municipality_nis}/community`;
}

export function eventSummary(row: {
	id: string;
	kind: string;
	title: string;
	starts_at: string;
	ends_at: string;
	address: string;
	status: string;
	capacity: number | null;
	municipality: { name_nl: string } | null;
}): EventSummary {
	return {
		id: row.id,
		kind: row.kind as EventKind,
		title: row.title,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		address: row.address,
		municipalityName: row.municipality?.name_nl ?? '',
		status: row.status as EventStatus,
		capacity: row.capacity
	};
}

/** A community with the places it covers (for the event form); null when it is not readable. */
export async function communityWithPlaces(
	db: Db,
	communityId: string
): Promise<CommunityPlaces | null> {
	const { data, error } = await db
		.from('communities')
		.select(
			'id, name, kind, slug, municipality_nis, places:community_municipalities(municipality_nis, municipality:municipalities(name_nl))'
		)
		.eq('id', communityId)
		.eq('status', 'active')
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	return {
		id: data.id,
		name: data.name,
		address: { nis: data.municipality_nis, slug: data.slug },
		path: communityPath(data),
		places: data.places
			.map((place) => ({ nis: place.municipality_nis, name: place.municipality?.name_nl ?? '' }))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}

/** The organisations the person belongs to, to organise on behalf of. */
export async function myOrganisations(db: Db, userId: string) {
	const { data, error } = await db
		.from('memberships')
		.select('role, organisation:organisations(id, name, kind)')
		.eq('user_id', userId);
	if (error) throw error;
	return data
		.flatMap((row) => (row.organisation ? [{ ...row.organisation, role: row.role }] : []))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Creates an event; a refusal the person can fix is thrown as a DbFieldError. */
export async function createEvent(
	db: Db,
	{ communityId, input }: { communityId: string; input: EventInput }
): Promise<string> {
	const { data, error } = await db.rpc('create_community_event', {
		p_community_id: communityId,
		p_kind: input.kind,
		p_title: input.title,
		p_description: input.description,
		p_address: input.address,
		p_municipality_nis: input.municipality,
		p_starts_local: `${input.date}T${input.startsAt}:00`,
		p_ends_local: `${input.date}T${input.endsAt}:00`,
		...(input.capacity === null ? {} : { p_capacity: input.capacity }),
		...(input.organisation ? { p_organisation_id: input.organisation } : {})
	});
	if (error) raiseDbError(error);
	return data;
}

/** What event_page() answers: the event's columns and embeds, with event_summary()'s counts and name. */
type EventPageRow = Parameters<typeof eventSummary>[0] & {
	description: string;
	organiser_id: string;
	updated_at: string;
	organisation: { name: string } | null;
	community: CommunityRow | null;
	going: number;
	waiting: number;
	/** Null when the organiser's profile is gone (event_summary() joins it on the left). */
	organiser_name: string | null;
};

/** One event as its page shows it; null for an unknown id or one of a community that is not active. */
export async function getEvent(db: Db, id: string): Promise<EventPage | null> {
	// One call (event_page(), issue 15): the select with three embeds and event_summary() cost two.
	const { data, error } = await db.rpc('event_page', { p_id: id });
	if (error) throw error;
	const row = data as EventPageRow | null;
	if (!row?.community) return null;
	return {
		...eventSummary(row),
		description: row.description,
		organiserId: row.organiser_id,
		organiserName: row.organiser_name,
		organisationName: row.organisation?.name ?? null,
		community: {
			id: row.community.id,
			name: row.community.name,
			address: { nis: row.community.municipality_nis, slug: row.community.slug },
			path: communityPath(row.community)
		},
		going: row.going,
		waiting: row.waiting,
		updatedAt: row.updated_at
	};
}

/** The signed-in person's RSVP to the event (null when they never answered). */
export async function myRsvp(db: Db, eventId: string, userId: string): Promise<MyRsvp> {
	const { data, error } = await db
		.from('event_rsvps')
		.select('status, position')
		.eq('event_id', eventId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	if (data.status !== 'waiting') return { status: data.status as RsvpStatus, waitingPlace: null };
	const { data: place, error: placeError } = await db.rpc('rsvp_waiting_place', {
		p_event_id: eventId
	});
	if (placeError) throw placeError;
	return { status: 'waiting', waitingPlace: place };
}

/** RSVPs for the signed-in person: going while there is room, else the waiting list. */
export async function rsvpEvent(db: Db, eventId: string): Promise<void> {
	const { error } = await db.rpc('rsvp_event', { p_event_id: eventId });
	if (error) raiseDbError(error);
}

/** Cancels the signed-in person's RSVP (the first waiting person is promoted by the database). */
export async function cancelRsvp(db: Db, eventId: string): Promise<void> {
	const { error } = await db.rpc('cancel_event_rsvp', { p_event_id: eventId });
	if (error) raiseDbError(error);
}

/** Cancels the event (organiser, hosts, staff); false when RLS left nothing to change. */
export async function cancelEvent(db: Db, eventId: string): Promise<boolean> {
	const { data, error } = await db
		.from('community_events')
		.update({ status: 'cancelled' })
		.eq('id', eventId)
		.select('id');
	if (error) raiseDbError(error);
	return (data ?? []).length > 0;
}

/** Who comes, for the organiser, the community's hosts and staff (empty for anyone else). */
export async function eventAttendees(db: Db, eventId: string): Promise<Attendee[]> {
	const { data, error } = await db.rpc('event_attendees', { p_event_id: eventId });
	if (error) throw error;
	return data.map((row) => ({
		userId: row.user_id,
		displayName: row.display_name,
		status: row.status as 'going' | 'waiting',
		waitingPlace: row.waiting_place
	}));
}

/** Whether the signed-in person organises the event or hosts its community (sees the RSVP list). */
export async function managesEvent(db: Db, eventId: string): Promise<boolean> {
	const { data, error } = await db.rpc('manages_community_event', { p_event_id: eventId });
	if (error) throw error;
	return data === true;
}

/** A community's events that have not ended yet, soonest first (cancelled ones too, marked). */
export async function upcomingEvents(
	db: Db,
	communityId: string,
	limit: number,
	now: Date = new Date()
): Promise<EventSummary[]> {
	const { data, error } = await db
		.from('community_events')
		.select(EVENT_COLUMNS)
		.eq('community_id', communityId)
		.gt('ends_at', now.toISOString())
		.order('starts_at')
		.order('id')
		.limit(limit);
	if (error) throw error;
	return data.map(eventSummary);
}

/**
 * A community's agenda: its upcoming events and the published academy activities in its places that have
 * not ended, together in date order.
 */
export async function communityAgenda(
	db: Db,
	communityId: string,
	limit: number
): Promise<AgendaItem[]> {
	const [events, places] = await Promise.all([
		upcomingEvents(db, communityId, limit),
		db.from('community_municipalities').select('municipality_nis').eq('community_id', communityId)
	]);
	if (places.error) throw places.error;
	const nis = places.data.map((row) => row.municipality_nis);
	const { data: activities, error } =
		nis.length === 0
			? { data: [], error: null }
			: await db
					.from('public_activities')
					.select('id, title, start_date, end_date, municipality_name, status')
					.in('municipality_nis', nis)
					.eq('status', 'published')
					.gte('end_date', todayInBelgium())
					.order('start_date')
					.order('id')
					.limit(limit);
	if (error) throw error;
	return agendaOf(events, activities ?? [], limit);
}

/** A community's upcoming events and its places' activities, together in date order. */
export function agendaOf(
	events: EventSummary[],
	activities: {
		id: string | null;
		title: string | null;
		start_date: string | null;
		end_date: string | null;
		municipality_name: string | null;
	}[],
	limit: number
): AgendaItem[] {
	const items: (AgendaItem & { sortKey: string })[] = [
		...events.map((event) => ({
			type: 'event' as const,
			id: event.id,
			title: event.title,
			kind: event.kind,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			place: event.municipalityName,
			href: `/evenementen/${event.id}`,
			cancelled: event.status === 'cancelled',
			sortKey: event.startsAt
		})),
		...activities.flatMap((row) =>
			row.id && row.title && row.start_date && row.end_date
				? [
						{
							type: 'activity' as const,
							id: row.id,
							title: row.title,
							startDate: row.start_date,
							endDate: row.end_date,
							place: row.municipality_name ?? '',
							href: `/activiteiten/${row.id}`,
							// An activity runs from its start date on; today's one sorts before tonight's event.
							sortKey: `${row.start_date}T00:00:00+01:00`
						}
					]
				: []
		)
	];
	items.sort((a, b) => new Date(a.sortKey).getTime() - new Date(b.sortKey).getTime());
	return items.slice(0, limit).map(({ sortKey: _sortKey, ...item }) => item as AgendaItem);
}

/** The signed-in person's feed token (made on first use; `reset` replaces it). */
export async function feedToken(db: Db, { reset }: { reset: boolean }): Promise<string> {
	const { data, error } = await db.rpc('event_feed_token', { p_reset: reset });
	if (error) raiseDbError(error);
	return data;
}

/** The events behind a feed token (the person's RSVPs); empty for an unknown token. */
export async function eventFeed(db: Db, token: string) {
	const { data, error } = await db.rpc('event_feed', { p_token: token });
	if (error) throw error;
	return data;
}

/** A community by its municipality (NIS) or region slug, for its calendar feed; null when not active. */
export async function communityByPlace(
	db: Db,
	place: { nis: string } | { slug: string }
): Promise<CommunityRef | null> {
	const query = db
		.from('communities')
		.select('id, name, kind, slug, municipality_nis')
		.eq('status', 'active');
	const { data, error } = await (
		'nis' in place
			? query.eq('municipality_nis', place.nis)
			: query.eq('slug', place.slug).eq('kind', 'region')
	).maybeSingle();
	if (error) throw error;
	return data
		? {
				id: data.id,
				name: data.name,
				address: { nis: data.municipality_nis, slug: data.slug },
				path: communityPath(data)
			}
		: null;
}

/** A community's upcoming events as calendar entries (its .ics feed). */
export async function communityCalendar(db: Db, community: CommunityRef, origin: string) {
	const { data, error } = await db
		.from('community_events')
		.select(
			'id, title, description, address, starts_at, ends_at, status, updated_at, municipality:municipalities(name_nl)'
		)
		.eq('community_id', community.id)
		.gt('ends_at', new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString())
		.order('starts_at')
		.limit(500);
	if (error) throw error;
	return data.map((row) => ({
		id: row.id,
		title: row.title,
		description: row.description,
		location: `${row.address}, ${row.municipality?.name_nl ?? ''}`,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		url: `${origin}/evenementen/${row.id}`,
		cancelled: row.status === 'cancelled',
		updatedAt: row.updated_at
	}));
}
