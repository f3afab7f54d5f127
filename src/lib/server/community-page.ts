// The page of one community, shared by a municipality's (/gemeenten/[nis]/community) and a region's
// (/regios/[slug]): what it loads and the forms it answers. Parts that add a section (posts, the agenda)
// add one entry to `sections()` and one component to the page.
import { fieldErrors, text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import {
	descriptionSchema,
	joinSchema,
	organisationSchema,
	roleSchema
} from '$lib/schemas/community';
import {
	administeredOrganisations,
	communityByNis,
	communityBySlug,
	communityDirectory,
	communityPeople,
	communityOrganisations,
	hostsCommunity,
	isCommunityMember,
	joinCommunity,
	leaveCommunity,
	updateCommunityDescription,
	setCommunityRole,
	updateMyMembership,
	type Community
} from '$lib/server/db/communities';
import { DbFieldError } from '$lib/server/db/db-errors';
import { getCommunityPage } from '$lib/server/db/community-pages';
import type { Db } from '$lib/server/supabase';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';

/** Which community a page is about: a municipality's (by NIS code) or a region's (by slug). */
export type CommunityLocator =
	{ nis: string; slug?: undefined } | { slug: string; nis?: undefined };

const SHOWN = 6;

export type CommunityTarget = {
	/** Null for a municipality nobody joined yet: the first join creates it. */
	community: Community | null;
	name: string;
	provinceNl: string | null;
	/** The municipalities it covers (NIS codes). */
	places: string[];
	/** Where its pages are (communityPaths). */
	address: { nis: string | null; slug: string | null };
};

/** The community of the page, or a 404 (a merged municipality redirects to its successor's page). */
export async function findCommunity(
	db: Db,
	locator: CommunityLocator,
	suffix = ''
): Promise<CommunityTarget> {
	if (locator.nis !== undefined) {
		const found = await communityByNis(db, locator.nis);
		if (!found.found) {
			if (found.currentNis) redirect(301, `/gemeenten/${found.currentNis}/community${suffix}`);
			error(404, m.pub_municipality_not_found());
		}
		return {
			community: found.community,
			name: found.municipality.name,
			provinceNl: found.municipality.provinceNl,
			places: [found.municipality.nis],
			address: { nis: found.municipality.nis, slug: null }
		};
	}
	const community = await communityBySlug(db, locator.slug);
	if (!community) error(404, m.cm_error_not_found());
	return {
		community,
		name: community.name,
		provinceNl: null,
		places: community.places.map((place) => place.nis),
		address: { nis: null, slug: community.slug }
	};
}

/**
 * Everything the community page shows, in one API call (public.community_page(): the community, its
 * counts, organisations, requests, offers, agenda, latest posts and what the signed-in visitor may do).
 */
export async function loadCommunityPage(
	{ locals, url }: Pick<RequestEvent, 'locals' | 'url'>,
	locator: CommunityLocator
) {
	const page = await getCommunityPage(locals.supabase, locator, todayInBelgium(), SHOWN);
	if (!page.found) {
		if (locator.nis === undefined) error(404, m.cm_error_not_found());
		if (page.currentNis) redirect(301, `/gemeenten/${page.currentNis}/community`);
		error(404, m.pub_municipality_not_found());
	}
	const { community, municipality } = page;
	const target: CommunityTarget = municipality
		? {
				community,
				name: municipality.name,
				provinceNl: municipality.provinceNl,
				places: [municipality.nis],
				address: { nis: municipality.nis, slug: null }
			}
		: {
				community,
				name: community?.name ?? '',
				provinceNl: null,
				places: community?.places.map((place) => place.nis) ?? [],
				address: { nis: null, slug: community?.slug ?? null }
			};

	return {
		...target,
		counts: page.counts,
		organisations: page.organisations,
		requests: page.requests,
		offers: page.offers,
		agenda: page.agenda,
		viewer: locals.user ? page.viewer : null,
		posts: page.posts,
		signInHref: `/aanmelden?${new URLSearchParams({ redirectTo: url.pathname })}`
	};
}

type Failure = { action: string; error: string; field?: string };

function refused(action: string, caught: unknown) {
	if (caught instanceof DbFieldError) {
		return fail(caught.field === 'form' ? 403 : 400, {
			action,
			error: caught.message,
			field: caught.field
		} satisfies Failure);
	}
	throw caught;
}

/** The form actions of the community page. */
export function communityActions(locator: (params: Record<string, string>) => CommunityLocator) {
	async function context(event: RequestEvent, action: string) {
		const user = event.locals.user;
		if (!user) {
			return {
				failure: fail(401, { action, error: m.dberr_sign_in() } satisfies Failure)
			} as const;
		}
		const target = await findCommunity(event.locals.supabase, locator(event.params));
		return { user, target, db: event.locals.supabase, form: await event.request.formData() };
	}

	/** The community's id, or a 404 when it does not exist (yet). */
	function existing(target: CommunityTarget): string {
		if (!target.community || target.community.status !== 'active') {
			error(404, m.cm_error_not_found());
		}
		return target.community.id;
	}

	/** Where a join goes: the community, or the municipality whose community its first member starts. */
	function joinTarget(target: CommunityTarget) {
		return target.community ? { communityId: existing(target) } : { nis: target.places[0]! };
	}

	/**
	 * joinOrganisation and leaveOrganisation: the organisation the form names takes the step, and the message
	 * names it as the person's administered organisations do.
	 */
	async function organisationStep(
		event: RequestEvent,
		step: (
			ctx: Exclude<Awaited<ReturnType<typeof context>>, { failure: unknown }>,
			id: string
		) => Promise<unknown>,
		done: (name: string) => string
	) {
		const ctx = await context(event, 'organisation');
		if ('failure' in ctx) return ctx.failure;
		const parsed = organisationSchema.safeParse({
			organisationId: text(ctx.form, 'organisationId')
		});
		if (!parsed.success) {
			return fail(400, {
				action: 'organisation',
				error: m.app_error_unknown_item()
			} satisfies Failure);
		}
		const { organisationId } = parsed.data;
		try {
			await step(ctx, organisationId);
		} catch (caught) {
			return refused('organisation', caught);
		}
		const organisation = (await administeredOrganisations(ctx.db, ctx.user.id, null)).find(
			(administered) => administered.id === organisationId
		);
		return { action: 'organisation', done: done(organisation?.name ?? '') };
	}

	return {
		join: async (event: RequestEvent) => {
			const ctx = await context(event, 'join');
			if ('failure' in ctx) return ctx.failure;
			const values = {
				personKind: text(ctx.form, 'personKind'),
				inDirectory: text(ctx.form, 'inDirectory')
			};
			const parsed = joinSchema.safeParse(values);
			if (!parsed.success) {
				const errors = fieldErrors<keyof typeof values>(parsed.error);
				return fail(400, {
					action: 'join',
					error: errors.personKind ?? m.form_has_errors(),
					field: 'personKind'
				} satisfies Failure);
			}
			try {
				await joinCommunity(ctx.db, joinTarget(ctx.target), {
					personKind: parsed.data.personKind,
					inDirectory: parsed.data.inDirectory
				});
			} catch (caught) {
				return refused('join', caught);
			}
			return { action: 'join', done: m.cm_joined() };
		},

		leave: async (event: RequestEvent) => {
			const ctx = await context(event, 'leave');
			if ('failure' in ctx) return ctx.failure;
			try {
				await leaveCommunity(ctx.db, existing(ctx.target));
			} catch (caught) {
				return refused('leave', caught);
			}
			return { action: 'leave', done: m.cm_left() };
		},

		membership: async (event: RequestEvent) => {
			const ctx = await context(event, 'membership');
			if ('failure' in ctx) return ctx.failure;
			const parsed = joinSchema.safeParse({
				personKind: text(ctx.form, 'personKind'),
				inDirectory: text(ctx.form, 'inDirectory')
			});
			if (!parsed.success) {
				return fail(400, {
					action: 'membership',
					error: m.cm_error_person_kind(),
					field: 'personKind'
				} satisfies Failure);
			}
			try {
				const changed = await updateMyMembership(ctx.db, {
					communityId: existing(ctx.target),
					userId: ctx.user.id,
					personKind: parsed.data.personKind,
					inDirectory: parsed.data.inDirectory
				});
				if (!changed) error(404, m.cm_error_not_found());
			} catch (caught) {
				return refused('membership', caught);
			}
			return { action: 'membership', done: m.cm_member_saved() };
		},

		joinOrganisation: (event: RequestEvent) =>
			organisationStep(
				event,
				(ctx, organisationId) => joinCommunity(ctx.db, joinTarget(ctx.target), { organisationId }),
				(name) => m.cm_org_joined({ name })
			),

		leaveOrganisation: (event: RequestEvent) =>
			organisationStep(
				event,
				(ctx, organisationId) => leaveCommunity(ctx.db, existing(ctx.target), organisationId),
				(name) => m.cm_org_left({ name })
			),

		description: async (event: RequestEvent) => {
			const ctx = await context(event, 'description');
			if ('failure' in ctx) return ctx.failure;
			const description = text(ctx.form, 'description');
			const parsed = descriptionSchema.safeParse({ description });
			if (!parsed.success) {
				const errors = fieldErrors<'description'>(parsed.error);
				return fail(400, {
					action: 'description',
					error: errors.description ?? m.form_has_errors(),
					field: 'description',
					description
				});
			}
			try {
				const saved = await updateCommunityDescription(
					ctx.db,
					existing(ctx.target),
					parsed.data.description
				);
				if (!saved) {
					return fail(403, {
						action: 'description',
						error: m.cm_error_host_only()
					} satisfies Failure);
				}
			} catch (caught) {
				return refused('description', caught);
			}
			return { action: 'description', done: m.cm_description_saved() };
		}
	};
}

/**
 * The people directory of a community: for its members (and hosts) the people who chose to appear there;
 * others learn they must join first, visitors get a sign-in link that returns here.
 */
export async function loadDirectory(
	{ locals, url }: Pick<RequestEvent, 'locals' | 'url'>,
	locator: CommunityLocator
) {
	const db = locals.supabase;
	const target = await findCommunity(db, locator, '/mensen');
	const id = target.community?.status === 'active' ? target.community.id : null;
	const signInHref = `/aanmelden?${new URLSearchParams({ redirectTo: url.pathname })}`;
	const base = { ...target, signInHref };
	if (!locals.user) return { ...base, access: 'visitor' as const, people: [] };
	const allowed =
		id !== null &&
		((await isCommunityMember(db, id, locals.user.id)) || (await hostsCommunity(db, id)));
	if (!allowed || !id) return { ...base, access: 'join-first' as const, people: [] };
	return { ...base, access: 'member' as const, people: await communityDirectory(db, id) };
}

/** The hosts' page of a community's members: every person and organisation, with their role. */
export async function loadMembers(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	locator: CommunityLocator
) {
	const db = event.locals.supabase;
	const target = await findCommunity(db, locator, '/leden');
	const community = target.community;
	if (!community || community.status !== 'active') error(404, m.cm_error_not_found());
	if (!(await hostsCommunity(db, community.id))) error(403, m.cm_members_host_only());
	const [people, organisations] = await Promise.all([
		communityPeople(db, community.id),
		communityOrganisations(db, community.id)
	]);
	return { ...target, people, organisations };
}

/** The hosts' role change on the members page. */
export function memberActions(locator: (params: Record<string, string>) => CommunityLocator) {
	return {
		role: async (event: RequestEvent) => {
			if (!event.locals.user) return fail(401, { error: m.dberr_sign_in() });
			await findCommunity(event.locals.supabase, locator(event.params), '/leden');
			const form = await event.request.formData();
			const parsed = roleSchema.safeParse({
				memberId: text(form, 'memberId'),
				role: text(form, 'role')
			});
			if (!parsed.success) return fail(400, { error: m.app_error_choice() });
			try {
				await setCommunityRole(event.locals.supabase, parsed.data.memberId, parsed.data.role);
			} catch (caught) {
				if (caught instanceof DbFieldError) {
					return fail(caught.field === 'form' ? 403 : 400, { error: caught.message });
				}
				throw caught;
			}
			return { done: m.cm_members_role_saved() };
		}
	};
}
