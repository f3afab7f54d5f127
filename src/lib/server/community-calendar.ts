// A community's calendar feed (.ics), shared by /gemeenten/<nis>/community and /regios/<slug>.
import { buildCalendar, calendarHeaders } from '$lib/ics';
import { m } from '$lib/paraglide/messages';
import { communityByPlace, communityCalendar } from '$lib/server/db/events';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';

export async function communityCalendarResponse(
	db: Db,
	place: { nis: string } | { slug: string },
	url: URL
): Promise<Response> {
	const community = await communityByPlace(db, place);
	if (!community) error(404, m.ev_community_not_found());
	const events = await communityCalendar(db, community, url.origin);
	const body = buildCalendar({
		now: new Date(),
		domain: url.hostname,
		name: community.name,
		events
	});
	return new Response(body, { headers: calendarHeaders('agenda.ics', { download: false }) });
}
