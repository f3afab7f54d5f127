// "Add to calendar": one event as an iCalendar file.
import { buildCalendar, calendarHeaders } from '$lib/ics';
import { m } from '$lib/paraglide/messages';
import { getEvent } from '$lib/server/db/events';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals: { supabase }, params, url }) => {
	const event = await getEvent(supabase, params.id);
	if (!event) error(404, m.ev_not_found());
	const body = buildCalendar({
		now: new Date(),
		domain: url.hostname,
		events: [
			{
				id: event.id,
				title: event.title,
				description: event.description,
				location: `${event.address}, ${event.municipalityName}`,
				startsAt: event.startsAt,
				endsAt: event.endsAt,
				url: `${url.origin}/evenementen/${event.id}`,
				cancelled: event.status === 'cancelled',
				updatedAt: event.updatedAt
			}
		]
	});
	return new Response(body, { headers: calendarHeaders('evenement.ics', { download: true }) });
};
