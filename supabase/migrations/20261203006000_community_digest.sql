-- The weekly digest's community part: besides the week's notifications a person chose to get as a digest,
-- what happened in their communities (new members, posts, events coming up, open requests near them). It is
-- a kind of notification of its own (community_digest, in the digest unless the person turns it off), so the
-- preferences page and the digest's one-click unsubscribe reach it like every other kind.

insert into public.notification_kinds (kind, position, admin_default, member_default)
values ('community_digest', 29, 'digest', 'digest');

-- Counting a week's new members per community.
create index community_members_community_created_idx
	on public.community_members (community_id, created_at);

/**
 * digest_community_ids(person)
 * The communities whose news reaches a person's digest: the active ones they belong to (as a person or
 * through an organisation they are a member of) and that did not block them.
 */
create function private.digest_community_ids(p_user_id uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select c.id
	from public.communities c
	where c.status = 'active'
		and (
			exists (
				select 1 from public.community_members cm
				where cm.community_id = c.id and cm.user_id = p_user_id
			)
			or exists (
				select 1 from public.community_members cm
				join public.memberships ms on ms.organisation_id = cm.organisation_id
				where cm.community_id = c.id and ms.user_id = p_user_id
			)
		)
		and not exists (
			select 1 from public.community_blocks b where b.community_id = c.id and b.user_id = p_user_id
		);
$$;

comment on function private.digest_community_ids(uuid) is
	'The active communities a person belongs to (as a person or through one of their organisations) that did not block them: whose news their weekly digest holds.';

/**
 * community_has_news(community, week start, week end)
 * Whether a community has news for the digest of a week: members who joined, visible posts shared there or
 * requests opened in its places during the week, or an event in the two weeks after it. Old open requests
 * alone are no news (they are listed with the news, but do not make a mail every week).
 */
create function private.community_has_news(
	p_community_id uuid,
	p_period_start timestamptz,
	p_period_end timestamptz
)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
			select 1 from public.community_members cm
			where cm.community_id = p_community_id
				and cm.created_at >= p_period_start and cm.created_at < p_period_end
		)
		or exists (
			select 1 from public.post_communities pc
			join public.posts p on p.id = pc.post_id
			where pc.community_id = p_community_id and p.status = 'visible'
				and p.created_at >= p_period_start and p.created_at < p_period_end
		)
		or exists (
			select 1 from public.community_events e
			where e.community_id = p_community_id and e.status = 'scheduled'
				and e.starts_at >= p_period_end and e.starts_at < p_period_end + interval '14 days'
		)
		or exists (
			select 1 from public.community_municipalities place
			join public.requests r on r.municipality_nis = place.municipality_nis
			where place.community_id = p_community_id and r.status = 'open'
				and r.created_at >= p_period_start and r.created_at < p_period_end
		);
$$;

comment on function private.community_has_news(uuid, timestamptz, timestamptz) is
	'Whether a community has news for a week''s digest: new members, visible posts or requests opened in its places during the week, or an event in the 14 days after it.';

/**
 * community_news(community, week start, week end)
 * A community's part of a week's digest, or null without news (community_has_news): how many joined and
 * the newest organisations that did (people are counted, never named), the week's visible posts, the
 * events of the next two weeks with the places left, and the open requests in its places. Every list is
 * bounded.
 */
create function private.community_news(
	p_community_id uuid,
	p_period_start timestamptz,
	p_period_end timestamptz
)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'id', c.id,
		'name', c.name,
		'kind', c.kind,
		'municipality_nis', c.municipality_nis,
		'slug', c.slug,
		'new_members', (
			select count(*) from public.community_members cm
			where cm.community_id = c.id
				and cm.created_at >= p_period_start and cm.created_at < p_period_end
		),
		'new_organisations', coalesce((
			select jsonb_agg(joined.name order by joined.created_at desc, joined.name)
			from (
				select o.name, cm.created_at
				from public.community_members cm
				join public.organisations o on o.id = cm.organisation_id
				where cm.community_id = c.id
					and cm.created_at >= p_period_start and cm.created_at < p_period_end
				order by cm.created_at desc, o.name
				limit 3
			) joined
		), '[]'::jsonb),
		'posts', coalesce((
			select jsonb_agg(
				jsonb_build_object('id', post.id, 'title', post.title, 'kind', post.kind)
				order by post.created_at desc, post.id
			)
			from (
				select p.id, p.title, p.kind, p.created_at
				from public.post_communities pc
				join public.posts p on p.id = pc.post_id
				where pc.community_id = c.id and p.status = 'visible'
					and p.created_at >= p_period_start and p.created_at < p_period_end
				order by p.created_at desc, p.id
				limit 5
			) post
		), '[]'::jsonb),
		'events', coalesce((
			select jsonb_agg(
				jsonb_build_object(
					'id', event.id, 'title', event.title, 'starts_at', event.starts_at,
					'places_left', event.places_left
				)
				order by event.starts_at, event.id
			)
			from (
				select e.id, e.title, e.starts_at,
					greatest(0, e.capacity - (
						select count(*) from public.event_rsvps r
						where r.event_id = e.id and r.status = 'going'
					))::integer as places_left
				from public.community_events e
				where e.community_id = c.id and e.status = 'scheduled'
					and e.starts_at >= p_period_end and e.starts_at < p_period_end + interval '14 days'
				order by e.starts_at, e.id
				limit 5
			) event
		), '[]'::jsonb),
		'requests', coalesce((
			select jsonb_agg(
				jsonb_build_object('id', request.id, 'title', request.title, 'academy', request.academy)
				order by request.created_at desc, request.id
			)
			from (
				select r.id, r.title, o.name as academy, r.created_at
				from public.community_municipalities place
				join public.requests r on r.municipality_nis = place.municipality_nis
				join public.organisations o on o.id = r.organisation_id
				where place.community_id = c.id and r.status = 'open'
					and r.created_at < p_period_end
					and (r.deadline is null
						or r.deadline >= (p_period_end at time zone 'Europe/Brussels')::date)
				order by r.created_at desc, r.id
				limit 5
			) request
		), '[]'::jsonb)
	)
	from public.communities c
	where c.id = p_community_id
		and private.community_has_news(c.id, p_period_start, p_period_end);
$$;

comment on function private.community_news(uuid, timestamptz, timestamptz) is
	'A community''s part of a week''s digest (null without news): id, name, kind, municipality_nis, slug, new_members (count), new_organisations (up to 3 names), posts (visible ones of the week, up to 5: id, title, kind), events (the next 14 days, up to 5: id, title, starts_at, places_left or null without a limit), requests (open ones in its places, up to 5 newest: id, title, academy).';

/**
 * community_digest(person, at)
 * What happened in a person's communities in the week of the digest sent at `at`
 * (notification_digest_period): up to 10 communities with news, by name, each as community_news says.
 * Empty when they turned the community news of the digest off, or nothing happened.
 */
create function public.community_digest(p_user_id uuid, p_at timestamptz default now())
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(shown.part order by shown.part ->> 'name', shown.part ->> 'id'), '[]'::jsonb)
	from (
		select news.part
		from (
			select private.community_news(ids.id, week.period_start, week.period_end) as part
			from public.notification_digest_period(p_at) week
			cross join private.digest_community_ids(p_user_id) as ids (id)
			where private.notification_delivery(p_user_id, 'community_digest', null) = 'digest'
		) news
		where news.part is not null
		order by news.part ->> 'name', news.part ->> 'id'
		limit 10
	) shown;
$$;

comment on function public.community_digest(uuid, timestamptz) is
	'Service role only: the community part of a person''s digest for the week of the given moment, a list of up to 10 communities with news (see private.community_news); empty when they turned community_digest off.';

revoke execute on function public.community_digest(uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.community_digest(uuid, timestamptz) to service_role;

-- The digest's claim now also takes people without digest notifications whose communities have news, and
-- returns that news with each digest.
drop function public.claim_notification_digests(timestamptz, integer);

/**
 * claim_notification_digests(at, limit)
 * The digest job's claim: for up to `limit` people with notifications of the week that go to the digest,
 * or with news in their communities (community_digest in the digest), and no digest of the week yet, a
 * digest row that no other job holds, with the address, the language, the notifications (oldest first)
 * and the community news. Complete with complete_notification_digest, or give back with
 * release_notification_digest.
 */
create function public.claim_notification_digests(
	p_at timestamptz default now(),
	p_limit integer default 100
)
returns table (
	digest_id bigint,
	user_id uuid,
	email text,
	locale text,
	period_start timestamptz,
	period_end timestamptz,
	notifications jsonb,
	community jsonb
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
	week record;
begin
	select * into week from public.notification_digest_period(p_at);

	return query
	with with_news as (
		select c.id
		from public.communities c
		where c.status = 'active'
			and private.community_has_news(c.id, week.period_start, week.period_end)
	),
	candidates as (
		select n.user_id
		from public.notifications n
		where n.delivery = 'digest'
			and n.digested_at is null
			and n.created_at >= week.period_start
			and n.created_at < week.period_end
		union
		select news_reader.user_id
		from (
			select cm.user_id, cm.community_id
			from public.community_members cm
			where cm.user_id is not null and cm.community_id in (select id from with_news)
			union
			select ms.user_id, cm.community_id
			from public.community_members cm
			join public.memberships ms on ms.organisation_id = cm.organisation_id
			where cm.community_id in (select id from with_news)
		) news_reader
		where not exists (
				select 1 from public.community_blocks b
				where b.community_id = news_reader.community_id and b.user_id = news_reader.user_id
			)
			and private.notification_delivery(news_reader.user_id, 'community_digest', null) = 'digest'
	),
	due as (
		select candidates.user_id
		from candidates
		where not exists (
			select 1 from public.notification_digests d
			where d.user_id = candidates.user_id and d.period_end = week.period_end
				and (d.sent_at is not null or d.claimed_at >= now() - interval '30 minutes')
		)
		order by candidates.user_id
		limit greatest(1, least(p_limit, 500))
	),
	claimed as (
		insert into public.notification_digests as d (user_id, period_end)
		select due.user_id, week.period_end from due
		on conflict on constraint notification_digests_once do update set claimed_at = now()
			where d.sent_at is null and d.claimed_at < now() - interval '30 minutes'
		returning d.id, d.user_id
	)
	select c.id, c.user_id, u.email::text, private.account_locale(c.user_id),
		week.period_start, week.period_end,
		(
			select jsonb_agg(
				jsonb_build_object(
					'id', n.id, 'kind', n.kind, 'title', n.title, 'params', n.params, 'link', n.link,
					'created_at', n.created_at
				)
				order by n.created_at, n.id
			)
			from public.notifications n
			where n.user_id = c.user_id
				and n.delivery = 'digest'
				and n.digested_at is null
				and n.created_at >= week.period_start
				and n.created_at < week.period_end
		),
		public.community_digest(c.user_id, p_at)
	from claimed c
	join auth.users u on u.id = c.user_id;
end;
$$;

comment on function public.claim_notification_digests(timestamptz, integer) is
	'Service role only: claims the weekly digests due at the given moment (one row per person and week; a second job gets nothing): people with notifications of the week that go to the digest or with community news (community_digest); returns the address, the recipient''s language, those notifications and the news (community_digest()).';

revoke execute on function public.claim_notification_digests(timestamptz, integer) from public, anon, authenticated;
grant execute on function public.claim_notification_digests(timestamptz, integer) to service_role;

/**
 * unsubscribe_notifications(person, scope)
 * As before, except that the digest's scope now also stops the kinds that go to the digest without a
 * choice (community_digest): the one-click link in a digest stops the whole digest.
 */
create or replace function public.unsubscribe_notifications(p_user_id uuid, p_scope text)
returns text[]
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	changed text[];
begin
	if p_scope = 'digest' then
		with upserted as (
			insert into public.notification_preferences as p (user_id, kind, delivery, updated_at)
			select u.id, k.kind, 'app', now()
			from auth.users u, public.notification_kinds k
			where u.id = p_user_id
				and (
					exists (
						select 1 from public.notification_preferences chosen
						where chosen.user_id = u.id and chosen.kind = k.kind and chosen.delivery = 'digest'
					)
					or (
						'digest' in (k.admin_default, k.member_default)
						and not exists (
							select 1 from public.notification_preferences chosen
							where chosen.user_id = u.id and chosen.kind = k.kind
						)
					)
				)
			on conflict (user_id, kind) do update set delivery = 'app', updated_at = now()
				where p.delivery is distinct from 'app'
			returning p.kind
		)
		select coalesce(array_agg(kind order by kind), '{}') into changed from upserted;
	else
		with upserted as (
			insert into public.notification_preferences as p (user_id, kind, delivery, updated_at)
			select u.id, k.kind, 'app', now()
			from auth.users u, public.notification_kinds k
			where u.id = p_user_id and k.kind = p_scope
			on conflict (user_id, kind) do update set delivery = 'app', updated_at = now()
				where p.delivery is distinct from 'app'
			returning p.kind
		)
		select coalesce(array_agg(kind), '{}') into changed from upserted;
	end if;
	return changed;
end;
$$;

comment on function public.unsubscribe_notifications(uuid, text) is
	'Service role only (the app checks the signed link first): sets a kind, or every kind the person gets as a digest by choice or by default (scope digest), to app. Returns the kinds that changed.';

revoke execute on function public.unsubscribe_notifications(uuid, text) from public, anon, authenticated;
grant execute on function public.unsubscribe_notifications(uuid, text) to service_role;

revoke execute on all functions in schema private from public;
