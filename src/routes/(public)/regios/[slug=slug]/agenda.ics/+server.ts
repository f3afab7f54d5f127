// The calendar feed of a regional community: its events.
import { communityCalendarResponse } from '$lib/server/community-calendar';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) =>
	communityCalendarResponse(locals.supabase, { slug: params.slug }, url);
