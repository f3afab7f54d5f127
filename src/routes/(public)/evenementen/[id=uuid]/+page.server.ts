import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	cancelEvent,
	cancelRsvp,
	eventAttendees,
	getEvent,
	managesEvent,
	myRsvp,
	rsvpEvent
} from '$lib/server/db/events';
import { sendPendingNotificationMails } from '$lib/server/notification-mail';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user }, params, url }) => {
	const event = await getEvent(supabase, params.id);
	if (!event) error(404, m.ev_not_found());
	const [rsvp, manages] = user
		? await Promise.all([myRsvp(supabase, event.id, user.id), managesEvent(supabase, event.id)])
		: [null, false];
	return {
		event,
		rsvp,
		attendees: manages ? await eventAttendees(supabase, event.id) : null,
		manages,
		signedIn: !!user,
		past: new Date(event.endsAt).getTime() <= Date.now(),
		created: url.searchParams.has('aangemaakt')
	};
}) satisfies PageServerLoad;

/** Runs an RSVP action as the signed-in person; anonymous visitors are sent to sign in first. */
async function asPerson(
	{ locals, url }: Pick<RequestEvent, 'locals' | 'url'>,
	act: () => Promise<unknown>,
	done: { cancelled?: boolean } = {}
) {
	if (!locals.user) {
		redirect(303, `/aanmelden?${new URLSearchParams({ redirectTo: url.pathname })}`);
	}
	try {
		await act();
	} catch (caught) {
		if (caught instanceof DbFieldError) {
			return fail(caught.field === 'form' ? 409 : 400, { error: caught.message });
		}
		throw caught;
	}
	return done;
}

export const actions = {
	rsvp: (event) => asPerson(event, () => rsvpEvent(event.locals.supabase, event.params.id)),
	cancel: async (event) => {
		const result = await asPerson(event, () => cancelRsvp(event.locals.supabase, event.params.id), {
			cancelled: true
		});
		// Whoever moved up from the waiting list hears of it now, by mail when that is their choice.
		await sendPendingNotificationMails(event.url.origin);
		return result;
	},
	cancelEvent: (event) =>
		asPerson(event, async () => {
			if (!(await cancelEvent(event.locals.supabase, event.params.id))) {
				throw new DbFieldError('form', m.ev_refusal_not_found());
			}
		})
} satisfies Actions;
