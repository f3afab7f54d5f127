// A person's calendar feed behind its secret address: the events they go to or wait for. Read by calendar
// apps without a session, so the token alone opens it (event_feed); an unknown token is a 404.
import { buildCalendar, calendarHeaders } from '$lib/ics';
import { m } from '$lib/paraglide/messages';
import { eventFeed } from '$lib/server/db/events';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const FEED_TOKEN = /^[0-9a-f]{48}$/;

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!FEED_TOKEN.test(params.token)) error(404, m.ev_not_found());
	const rows = await eventFeed(locals.supabase, params.token);
	const body = buildCalendar({
		now: new Date(),
		domain: url.hostname,
		name: m.ev_feed_name(),
		events: rows.map((row) => ({
			id: row.id,
			title: row.title,
			description: row.description,
			location: row.address,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			url: `${url.origin}/evenementen/${row.id}`,
			cancelled: row.status === 'cancelled',
			updatedAt: row.updated_at
		}))
	});
	return new Response(body, { headers: calendarHeaders('groeistoot.ics', { download: false }) });
};
