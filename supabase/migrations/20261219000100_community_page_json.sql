-- Issue 15: a community's page (/gemeenten/[nis]/community, /regios/[slug]) cost 3.3 to 3.4 ms of Postgres
-- CPU a request in the last `bench:pages` (86.8 and 89.0 ms p95 against 29.7 ms for the bare page).
-- community_page() built its answer as JSONB, which PostgREST then printed as text again: every object built
-- in binary form with its keys sorted, and the whole answer copied once more by the `||` that merged its two
-- halves.
-- As 20261219000000_municipality_page_json.sql did for municipality_page(), it now builds JSON (text) in one
-- json_build_object per answer, and the activities of a municipality nobody joined yet are the rows of
-- public_activity_cards as they are (private.municipality_page_activity() per row named the same columns;
-- it has no caller left and goes).
--
-- Same arguments, same answer (the same keys and values), same lists, limits, order and security
-- (invoker). A one-off check while it was written (not kept): its answer equal (as JSONB) to the old
-- function's for every municipality (594) and both region communities of the seed, as anon, the demo
-- coordinator (a host and member) and the demo school. tests/integration/db/community-page.test.ts keeps
-- comparing it with the separate reads. Psql as anon, 300 calls after 100 to warm up, three rounds with the
-- old function beside it: Antwerpen (11002) 1.44, 1.68, 2.24 ms against 2.11, 2.31, 1.95 ms (means 1.79
-- and 2.12: 16 % less), the Westhoek 1.71, 1.83, 1.63 ms against 1.98, 1.74, 1.83 ms (1.72 and 1.85: 7 %
-- less); in one round of each the new one was slower. A smaller gain than the municipality page's: here
-- most of the time is finding the rows (the member counts and the community's offers), not printing them.

drop function public.community_page(date, text, text, integer);

create function public.community_page(
	p_today date,
	p_nis text default null,
	p_slug text default null,
	p_limit integer default 6
)
returns json
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
	v_municipality json;
	v_community json;
	v_requests json;
	viewer json := null;
	administered jsonb;
begin
	if (p_nis is null) = (p_slug is null) then
		raise exception 'community_page needs a municipality (p_nis) or a region (p_slug), not both'
			using errcode = '22023', hint = 'community_page_locator';
	end if;

	if p_nis is not null then
		select m.* into place from public.municipalities m where m.nis = p_nis;
		if not found then
			return json_build_object('found', false, 'current_nis', null);
		end if;
		if place.valid_to is not null then
			return json_build_object(
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
			return json_build_object('found', false, 'current_nis', null);
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

	v_municipality := case when p_nis is not null then json_build_object(
		'nis', place.nis, 'name_nl', place.name_nl, 'province_nl', place.province_nl
	) end;
	v_community := case when community_id is not null then json_build_object(
		'id', found_community.id, 'kind', found_community.kind, 'name', found_community.name,
		'description', found_community.description, 'status', found_community.status,
		'municipality_nis', found_community.municipality_nis, 'slug', found_community.slug,
		'decision_note', found_community.decision_note,
		'places', coalesce((
			select json_agg(json_build_object(
				'municipality_nis', cm.municipality_nis,
				'municipality', (
					select json_build_object('name_nl', m.name_nl)
					from public.municipalities m where m.nis = cm.municipality_nis
				)
			))
			from public.community_municipalities cm where cm.community_id = found_community.id
		), '[]'::json)
	) end;
	v_requests := coalesce((
		select json_agg(json_build_object(
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
	), '[]'::json);

	if community_id is null then
		-- A municipality nobody joined yet: its own offers and activities.
		return json_build_object(
			'found', true, 'municipality', v_municipality, 'community', v_community,
			'requests', v_requests,
			'counts', '[]'::json,
			'organisations', '[]'::json,
			'offers', coalesce((
				select json_agg(json_build_object(
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
			), '[]'::json),
			'events', '[]'::json,
			'agenda_activities', '[]'::json,
			'activities', coalesce((
				select json_agg(a order by a.start_date, a.title)
				from (
					select a.* from public.public_activity_cards a
					where a.status = 'published' and a.end_date >= p_today
						and a.municipality_nis = any(places)
					order by a.start_date, a.title limit shown
				) a
			), '[]'::json),
			'posts', '[]'::json,
			'authors', '[]'::json,
			'viewer', case when me is not null then json_build_object(
				'membership', null,
				'organisations', private.community_page_administered(me),
				'joined', '[]'::json,
				'is_host', false,
				'block', null
			) end
		);
	end if;

	if me is not null then
		administered := private.community_page_administered(me);
		viewer := json_build_object(
			'membership', (
				select json_build_object(
					'id', cm.id, 'person_kind', cm.person_kind, 'in_directory', cm.in_directory, 'role', cm.role
				)
				from public.community_members cm
				where cm.community_id = found_community.id and cm.user_id = me
				limit 1
			),
			'organisations', administered,
			'joined', coalesce((
				select json_agg(cm.organisation_id)
				from public.community_members cm
				where cm.community_id = found_community.id
					and cm.organisation_id in (
						select (a.value -> 'organisation' ->> 'id')::uuid
						from jsonb_array_elements(administered) a
					)
			), '[]'::json),
			-- hosts_community() is for signed-in callers only (anon may not execute it): asked here only.
			'is_host', public.hosts_community(found_community.id),
			'block', (
				select json_build_object('reason', b.reason)
				from public.community_blocks b
				where b.community_id = found_community.id and b.user_id = me
				limit 1
			)
		);
	end if;

	return json_build_object(
		'found', true, 'municipality', v_municipality, 'community', v_community,
		'requests', v_requests,
		'counts', coalesce((
			select json_agg(json_build_object('kind', c.kind, 'members', c.members))
			from public.community_counts(found_community.id) c
		), '[]'::json),
		'organisations', coalesce((
			select json_agg(json_build_object(
				'id', cm.id, 'role', cm.role,
				'organisation', (
					select json_build_object('id', o.id, 'name', o.name, 'slug', o.slug, 'kind', o.kind)
					from public.organisations o where o.id = cm.organisation_id
				)
			))
			from public.community_members cm
			where cm.community_id = found_community.id and cm.organisation_id is not null
		), '[]'::json),
		'offers', coalesce((
			select json_agg(json_build_object(
				'id', f.id, 'kind', f.kind, 'title', f.title, 'room_type', f.room_type, 'capacity', f.capacity,
				'people', f.people, 'hours_per_year', f.hours_per_year, 'amount_eur', f.amount_eur,
				'term_start', f.term_start, 'domains', f.domains, 'municipality_nis', f.municipality_nis,
				'municipality_name', g.name_nl, 'organisation_name', o.name
			) order by ids.n)
			from public.community_offer_ids(found_community.id, shown) with ordinality ids(id, n)
			join public.offers f on f.id = ids.id and f.status = 'active'
			left join public.organisations o on o.id = f.organisation_id
			left join public.municipalities g on g.nis = f.municipality_nis
		), '[]'::json),
		'events', coalesce((
			select json_agg(json_build_object(
				'id', e.id, 'kind', e.kind, 'title', e.title, 'starts_at', e.starts_at, 'ends_at', e.ends_at,
				'address', e.address, 'status', e.status, 'capacity', e.capacity,
				'municipality', (
					select json_build_object('name_nl', m.name_nl)
					from public.municipalities m where m.nis = e.municipality_nis
				)
			) order by e.starts_at, e.id)
			from (
				select e.* from public.community_events e
				where e.community_id = found_community.id and e.ends_at > now()
				order by e.starts_at, e.id limit shown
			) e
		), '[]'::json),
		'agenda_activities', coalesce((
			select json_agg(json_build_object(
				'id', a.id, 'title', a.title, 'start_date', a.start_date, 'end_date', a.end_date,
				'municipality_name', a.municipality_name, 'status', a.status
			) order by a.start_date, a.id)
			from (
				select a.* from public.public_activities a
				where a.municipality_nis = any(community_places) and a.status = 'published'
					and a.end_date >= p_today
				order by a.start_date, a.id limit shown
			) a
		), '[]'::json),
		'activities', '[]'::json,
		'posts', coalesce((
			select json_agg(json_build_object('pinned_at', p.pinned_at, 'post', p.post)
				order by p.pinned_at desc nulls last, p.created_at desc, p.post_id)
			from (
				select pc.pinned_at, pc.created_at, pc.post_id, json_build_object(
					'id', po.id, 'kind', po.kind, 'title', po.title, 'body', po.body,
					'created_at', po.created_at, 'author_id', po.author_id, 'status', po.status
				) as post
				from public.post_communities pc
				join public.posts po on po.id = pc.post_id
				where pc.community_id = found_community.id and po.status = 'visible'
				order by pc.pinned_at desc nulls last, pc.created_at desc, pc.post_id
				limit shown
			) p
		), '[]'::json),
		'authors', coalesce((
			select json_agg(json_build_object('id', pr.id, 'display_name', pr.display_name))
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
		), '[]'::json),
		'viewer', viewer
	);
end;
$$;

comment on function public.community_page(date, text, text, integer) is
	'Everything a community''s page shows, in one call, as JSON (security invoker: RLS as for the separate queries); offers and requests as their cards show them. A municipality by p_nis or a region by p_slug; found false with current_nis for a merged, unknown or unreadable one.';

drop function private.municipality_page_activity(public.public_activities);

revoke execute on all functions in schema private from public;
revoke execute on function public.community_page(date, text, text, integer) from public;
grant execute on function public.community_page(date, text, text, integer)
	to anon, authenticated, service_role;
