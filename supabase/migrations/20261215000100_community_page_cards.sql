-- A community's page (/gemeenten/[nis]/community, /regios/[slug]) gets its offers and requests as their
-- cards show them (issue 15: every public page uncached p95 <= 2x a bare page; the page of Antwerpen's
-- community was the worst in the last `bench:pages`, 101.3 ms against 33.9, with 5.4 ms of Postgres per
-- request). community_page() built each one's whole object (private.offer_json() and request_json(): every
-- column, the organisation, the municipality, the slots and the unavailable dates), which PostgREST passed
-- on and the app cut to the cards' fields (src/lib/exchange-cards.ts). Now each is the row a public list's
-- card reads (active_offers_page() and live_requests_page(), 20261214000200_list_cards_page.sql): `id`,
-- `kind`, `title`, the fields its card shows, `domains`, `municipality_nis`, `municipality_name` and
-- `organisation_name` (null where the caller may not read them). In psql as anon, 300 calls twice, median:
-- 2.83 / 2.81 ms before, 2.21 / 2.21 ms after; the answer for Antwerpen 18.0 → 9.9 kB.
--
-- Same signature, locators, lists, limits, order and security (invoker); everything else in the answer is
-- as 20261208000400_community_page.sql built it. The comparison with the cards the app made of the whole
-- rows is tests/integration/db/community-page.test.ts.

create or replace function public.community_page(
	p_today date,
	p_nis text default null,
	p_slug text default null,
	p_limit integer default 6
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
-- planned once, as the other page functions (20261208000300_generic_plans.sql)
set plan_cache_mode = force_generic_plan
as $$
declare
	place public.municipalities;
	found_community public.communities;
	community_id uuid;
	places text[];
	community_places text[];
	shown integer := least(greatest(coalesce(p_limit, 6), 1), 50);
	me uuid := (select auth.uid());
	result jsonb;
	viewer jsonb := null;
	administered jsonb;
begin
	if (p_nis is null) = (p_slug is null) then
		raise exception 'community_page needs a municipality (p_nis) or a region (p_slug), not both'
			using errcode = '22023', hint = 'community_page_locator';
	end if;

	if p_nis is not null then
		select m.* into place from public.municipalities m where m.nis = p_nis;
		if not found then
			return jsonb_build_object('found', false, 'current_nis', null);
		end if;
		if place.valid_to is not null then
			return jsonb_build_object(
				'found', false,
				'current_nis', nullif(public.current_nis(p_nis), p_nis)
			);
		end if;
		select c.* into found_community from public.communities c where c.municipality_nis = p_nis;
		places := array[p_nis];
	else
		select c.* into found_community from public.communities c
		where c.kind = 'region' and c.slug = p_slug;
		if not found then
			return jsonb_build_object('found', false, 'current_nis', null);
		end if;
	end if;
	community_id := found_community.id;

	if community_id is not null then
		select coalesce(array_agg(cm.municipality_nis), '{}') into community_places
		from public.community_municipalities cm where cm.community_id = found_community.id;
		if p_slug is not null then
			places := community_places;
		end if;
	end if;

	result := jsonb_build_object(
		'found', true,
		'municipality', case when p_nis is not null then jsonb_build_object(
			'nis', place.nis, 'name_nl', place.name_nl, 'province_nl', place.province_nl
		) end,
		'community', case when community_id is not null then jsonb_build_object(
			'id', found_community.id, 'kind', found_community.kind, 'name', found_community.name,
			'description', found_community.description, 'status', found_community.status,
			'municipality_nis', found_community.municipality_nis, 'slug', found_community.slug,
			'decision_note', found_community.decision_note,
			'places', coalesce((
				select jsonb_agg(jsonb_build_object(
					'municipality_nis', cm.municipality_nis,
					'municipality', (
						select jsonb_build_object('name_nl', m.name_nl)
						from public.municipalities m where m.nis = cm.municipality_nis
					)
				))
				from public.community_municipalities cm where cm.community_id = found_community.id
			), '[]'::jsonb)
		) end,
		'requests', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'kind', r.kind, 'title', r.title, 'needed_from', r.needed_from,
				'needed_until', r.needed_until, 'deadline', r.deadline, 'domains', r.domains,
				'municipality_nis', r.municipality_nis, 'municipality_name', g.name_nl,
				'organisation_name', o.name
			) order by r.created_at desc, r.id)
			from (
				select r.* from public.requests r
				where r.status in ('open', 'in_progress') and r.municipality_nis = any(places)
				order by r.created_at desc, r.id limit shown
			) r
			left join public.organisations o on o.id = r.organisation_id
			left join public.municipalities g on g.nis = r.municipality_nis
		), '[]'::jsonb)
	);

	if community_id is null then
		-- A municipality nobody joined yet: its own offers and activities.
		return result || jsonb_build_object(
			'counts', '[]'::jsonb,
			'organisations', '[]'::jsonb,
			'offers', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', f.id, 'kind', f.kind, 'title', f.title, 'room_type', f.room_type,
					'capacity', f.capacity, 'people', f.people, 'hours_per_year', f.hours_per_year,
					'amount_eur', f.amount_eur, 'term_start', f.term_start, 'domains', f.domains,
					'municipality_nis', f.municipality_nis, 'municipality_name', g.name_nl,
					'organisation_name', o.name
				) order by f.created_at desc, f.id)
				from (
					select f.* from public.offers f
					where f.status = 'active' and f.municipality_nis = p_nis
					order by f.created_at desc, f.id limit shown
				) f
				left join public.organisations o on o.id = f.organisation_id
				left join public.municipalities g on g.nis = f.municipality_nis
			), '[]'::jsonb),
			'events', '[]'::jsonb,
			'agenda_activities', '[]'::jsonb,
			'activities', coalesce((
				select jsonb_agg(private.municipality_page_activity(a) order by a.start_date, a.title)
				from (
					select a.* from public.public_activities a
					where a.status = 'published' and a.end_date >= p_today
						and a.municipality_nis = any(places)
					order by a.start_date, a.title limit shown
				) a
			), '[]'::jsonb),
			'posts', '[]'::jsonb,
			'authors', '[]'::jsonb,
			'viewer', case when me is not null then jsonb_build_object(
				'membership', null,
				'organisations', private.community_page_administered(me),
				'joined', '[]'::jsonb,
				'is_host', false,
				'block', null
			) end
		);
	end if;

	if me is not null then
		administered := private.community_page_administered(me);
		viewer := jsonb_build_object(
			'membership', (
				select jsonb_build_object(
					'id', cm.id, 'person_kind', cm.person_kind, 'in_directory', cm.in_directory, 'role', cm.role
				)
				from public.community_members cm
				where cm.community_id = found_community.id and cm.user_id = me
				limit 1
			),
			'organisations', administered,
			'joined', coalesce((
				select jsonb_agg(cm.organisation_id)
				from public.community_members cm
				where cm.community_id = found_community.id
					and cm.organisation_id in (
						select (a.value -> 'organisation' ->> 'id')::uuid
						from jsonb_array_elements(administered) a
					)
			), '[]'::jsonb),
			-- hosts_community() is for signed-in callers only (anon may not execute it): asked here only.
			'is_host', public.hosts_community(found_community.id),
			'block', (
				select jsonb_build_object('reason', b.reason)
				from public.community_blocks b
				where b.community_id = found_community.id and b.user_id = me
				limit 1
			)
		);
	end if;

	return result || jsonb_build_object(
		'counts', coalesce((
			select jsonb_agg(jsonb_build_object('kind', c.kind, 'members', c.members))
			from public.community_counts(found_community.id) c
		), '[]'::jsonb),
		'organisations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', cm.id, 'role', cm.role,
				'organisation', (
					select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug, 'kind', o.kind)
					from public.organisations o where o.id = cm.organisation_id
				)
			))
			from public.community_members cm
			where cm.community_id = found_community.id and cm.organisation_id is not null
		), '[]'::jsonb),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', f.id, 'kind', f.kind, 'title', f.title, 'room_type', f.room_type, 'capacity', f.capacity,
				'people', f.people, 'hours_per_year', f.hours_per_year, 'amount_eur', f.amount_eur,
				'term_start', f.term_start, 'domains', f.domains, 'municipality_nis', f.municipality_nis,
				'municipality_name', g.name_nl, 'organisation_name', o.name
			) order by ids.n)
			from public.community_offer_ids(found_community.id, shown) with ordinality ids(id, n)
			join public.offers f on f.id = ids.id and f.status = 'active'
			left join public.organisations o on o.id = f.organisation_id
			left join public.municipalities g on g.nis = f.municipality_nis
		), '[]'::jsonb),
		'events', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', e.id, 'kind', e.kind, 'title', e.title, 'starts_at', e.starts_at, 'ends_at', e.ends_at,
				'address', e.address, 'status', e.status, 'capacity', e.capacity,
				'municipality', (
					select jsonb_build_object('name_nl', m.name_nl)
					from public.municipalities m where m.nis = e.municipality_nis
				)
			) order by e.starts_at, e.id)
			from (
				select e.* from public.community_events e
				where e.community_id = found_community.id and e.ends_at > now()
				order by e.starts_at, e.id limit shown
			) e
		), '[]'::jsonb),
		'agenda_activities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'title', a.title, 'start_date', a.start_date, 'end_date', a.end_date,
				'municipality_name', a.municipality_name, 'status', a.status
			) order by a.start_date, a.id)
			from (
				select a.* from public.public_activities a
				where a.municipality_nis = any(community_places) and a.status = 'published'
					and a.end_date >= p_today
				order by a.start_date, a.id limit shown
			) a
		), '[]'::jsonb),
		'activities', '[]'::jsonb,
		'posts', coalesce((
			select jsonb_agg(jsonb_build_object('pinned_at', p.pinned_at, 'post', p.post)
				order by p.pinned_at desc nulls last, p.created_at desc, p.post_id)
			from (
				select pc.pinned_at, pc.created_at, pc.post_id, jsonb_build_object(
					'id', po.id, 'kind', po.kind, 'title', po.title, 'body', po.body,
					'created_at', po.created_at, 'author_id', po.author_id, 'status', po.status
				) as post
				from public.post_communities pc
				join public.posts po on po.id = pc.post_id
				where pc.community_id = found_community.id and po.status = 'visible'
				order by pc.pinned_at desc nulls last, pc.created_at desc, pc.post_id
				limit shown
			) p
		), '[]'::jsonb),
		'authors', coalesce((
			select jsonb_agg(jsonb_build_object('id', pr.id, 'display_name', pr.display_name))
			from public.profiles pr
			where pr.id in (
				select po.author_id from (
					select pc.post_id from public.post_communities pc
					join public.posts po on po.id = pc.post_id
					where pc.community_id = found_community.id and po.status = 'visible'
					order by pc.pinned_at desc nulls last, pc.created_at desc, pc.post_id
					limit shown
				) latest
				join public.posts po on po.id = latest.post_id
			)
		), '[]'::jsonb),
		'viewer', viewer
	);
end;
$$;

comment on function public.community_page(date, text, text, integer) is
	'Everything a community''s page shows, in one call (security invoker: RLS as for the separate queries); offers and requests as their cards show them. A municipality by p_nis or a region by p_slug; found false with current_nis for a merged, unknown or unreadable one.';

revoke execute on all functions in schema private from public;
revoke execute on function public.community_page(date, text, text, integer) from public;
grant execute on function public.community_page(date, text, text, integer)
	to anon, authenticated, service_role;
