-- Search for issue 12: communities, posts and good practices, community events and people who chose a
-- public profile become searchable through the same outbox and worker (docs/architecture.md "Search").
-- Comes after every other part's tables. The four earlier indexes keep their documents: the existing
-- search_documents() moves to private.search_documents_listings() and the public function hands those
-- indexes to it.

alter table public.search_outbox drop constraint search_outbox_index_uid_known;
alter table public.search_outbox add constraint search_outbox_index_uid_known check (
	index_uid in ('activities', 'organisations', 'offers', 'requests', 'communities', 'posts', 'events', 'people')
);
comment on column public.search_outbox.index_uid is
	'The Meilisearch index: activities, organisations, offers, requests, communities, posts, events or people.';

alter function public.search_documents(text, uuid[], uuid, integer) set schema private;
alter function private.search_documents(text, uuid[], uuid, integer) rename to search_documents_listings;
comment on function private.search_documents_listings(text, uuid[], uuid, integer) is
	'The documents of the first four indexes (activities, organisations, offers, requests); public.search_documents() calls it.';
revoke execute on function private.search_documents_listings(text, uuid[], uuid, integer) from public, anon, authenticated;
grant execute on function private.search_documents_listings(text, uuid[], uuid, integer) to service_role;

/**
 * search_community_places(community)
 * The community's places, the first (by name) giving the document's municipality, province and point.
 */
create function private.search_community_places(p_community_id uuid)
returns table (nis text, name text, province text, lat double precision, lng double precision, names jsonb)
language sql
stable
security definer
set search_path = ''
as $$
	select m.nis, m.name_nl, private.search_province(m.region, m.province_nl), m.lat, m.lng,
		(select coalesce(jsonb_agg(m2.name_nl order by m2.name_nl), '[]'::jsonb)
			from public.community_municipalities cm2
			join public.municipalities m2 on m2.nis = cm2.municipality_nis
			where cm2.community_id = p_community_id)
	from public.community_municipalities cm
	join public.municipalities m on m.nis = cm.municipality_nis
	where cm.community_id = p_community_id
	order by m.name_nl
	limit 1;
$$;

comment on function private.search_community_places(uuid) is
	'For search documents: the first place of a community (NIS, name, province, point) and every place''s name.';

/**
 * search_documents(index, ids, after, limit)
 * As before for activities, organisations, offers and requests; and now also:
 *   communities  active communities: name, places, province, member counts;
 *   posts        visible posts (announcements, questions) and good practices with their letters, domains,
 *                ages and format, placed at the first community they were shared to;
 *   events       scheduled events of active communities (the search leaves out those that ended);
 *   people       profiles whose owner chose visibility public: name, personas, municipality and the
 *                interests of a public helper profile; never an e-mail address.
 */
create function public.search_documents(
	p_index text,
	p_ids uuid[] default null,
	p_after uuid default null,
	p_limit integer default 1000
)
returns setof jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	page_size integer := case when p_ids is null then greatest(coalesce(p_limit, 1000), 1) end;
begin
	if p_index in ('activities', 'organisations', 'offers', 'requests') then
		return query select * from private.search_documents_listings(p_index, p_ids, p_after, p_limit);
		return;
	end if;
	if page_size > 5000 or cardinality(p_ids) > 5000 then
		raise exception using
			errcode = 'invalid_parameter_value',
			message = 'At most 5000 search documents a call.',
			hint = 'search_documents_at_most_5000';
	end if;

	if p_index = 'communities' then
		return query
		select jsonb_build_object(
			'id', c.id::text,
			'type', 'community',
			'title', c.name,
			'description', left(c.description, 600),
			'path', case when c.kind = 'region' then '/regios/' || c.slug
				else '/gemeenten/' || c.municipality_nis || '/community' end,
			'municipality_nis', place.nis,
			'municipality', place.name,
			'province', place.province,
			'_geo', case when place.lat is not null then jsonb_build_object('lat', place.lat, 'lng', place.lng) end,
			'domains', '[]'::jsonb,
			'ages', '[]'::jsonb,
			'stem', '[]'::jsonb,
			'keywords', '["Community"]'::jsonb || coalesce(place.names, '[]'::jsonb),
			'updated_ts', extract(epoch from c.updated_at)::bigint,
			'members', counts.members,
			'organisations', counts.organisations
		)
		from public.communities c
		left join lateral private.search_community_places(c.id) place on true
		cross join lateral (
			select count(*) filter (where cm.user_id is not null)::integer as members,
				count(*) filter (where cm.organisation_id is not null)::integer as organisations
			from public.community_members cm where cm.community_id = c.id
		) counts
		where c.status = 'active'
			and (p_ids is null or c.id = any (p_ids))
			and (p_after is null or c.id > p_after)
		order by c.id
		limit page_size;

	elsif p_index = 'posts' then
		return query
		select jsonb_build_object(
			'id', p.id::text,
			'type', case when p.kind = 'good_practice' then 'good_practice' else 'post' end,
			'title', p.title,
			'description', left(p.body, 600),
			'path', case when p.kind = 'good_practice' then '/goede-praktijken/' else '/berichten/' end || p.id::text,
			'municipality_nis', place.nis,
			'municipality', place.name,
			'province', place.province,
			'_geo', case when place.lat is not null then jsonb_build_object('lat', place.lat, 'lng', place.lng) end,
			'domains', to_jsonb(coalesce(g.domains, '{}')),
			'ages', private.search_ages(g.age_min, g.age_max),
			'stem', to_jsonb(coalesce(g.stem_letters, '{}')),
			'keywords', private.search_keywords(
				g.domains, array[private.search_label('format', g.format), place.community]
			),
			'updated_ts', extract(epoch from p.updated_at)::bigint,
			'format', g.format,
			'featured', g.featured_at is not null
		)
		from public.posts p
		left join public.good_practices g on g.post_id = p.id
		left join lateral (
			select k.name as community, first.nis, first.name, first.province, first.lat, first.lng
			from public.post_communities pc
			join public.communities k on k.id = pc.community_id
			left join lateral private.search_community_places(k.id) first on true
			where pc.post_id = p.id
			order by k.name
			limit 1
		) place on true
		where p.status = 'visible' and private.post_is_public(p.id)
			and (p.kind <> 'good_practice' or g.post_id is not null)
			and (p_ids is null or p.id = any (p_ids))
			and (p_after is null or p.id > p_after)
		order by p.id
		limit page_size;

	elsif p_index = 'events' then
		return query
		select jsonb_build_object(
			'id', e.id::text,
			'type', 'event',
			'title', e.title,
			'description', left(e.description, 600),
			'path', '/evenementen/' || e.id::text,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', case when m.lat is not null then jsonb_build_object('lat', m.lat, 'lng', m.lng) end,
			'domains', '[]'::jsonb,
			'ages', '[]'::jsonb,
			'stem', '[]'::jsonb,
			'keywords', jsonb_build_array(c.name),
			'updated_ts', extract(epoch from e.updated_at)::bigint,
			'start_date', (e.starts_at at time zone 'Europe/Brussels')::date,
			'end_date', (e.ends_at at time zone 'Europe/Brussels')::date,
			'start_ts', private.search_day_ts((e.starts_at at time zone 'Europe/Brussels')::date),
			'end_ts', private.search_day_ts((e.ends_at at time zone 'Europe/Brussels')::date)
		)
		from public.community_events e
		join public.communities c on c.id = e.community_id and c.status = 'active'
		join public.municipalities m on m.nis = e.municipality_nis
		where e.status = 'scheduled'
			and (p_ids is null or e.id = any (p_ids))
			and (p_after is null or e.id > p_after)
		order by e.id
		limit page_size;

	elsif p_index = 'people' then
		return query
		select jsonb_build_object(
			'id', pr.id::text,
			'type', 'person',
			'title', pr.display_name,
			'description', left(coalesce(pr.bio, ''), 300),
			'path', '/mensen/' || pr.id::text,
			'municipality_nis', m.nis,
			'municipality', m.name_nl,
			'province', private.search_province(m.region, m.province_nl),
			'_geo', case when m.lat is not null then jsonb_build_object('lat', m.lat, 'lng', m.lng) end,
			'domains', '[]'::jsonb,
			'ages', '[]'::jsonb,
			'stem', '[]'::jsonb,
			'keywords', coalesce(
				(select jsonb_agg(
					case persona
						when 'teacher' then 'Leerkracht' when 'volunteer' then 'Vrijwilliger'
						when 'coordinator' then 'Coördinator' when 'company_rep' then 'Bedrijf'
						else 'Schoolteam'
					end order by position)
				from unnest(pr.personas) with ordinality as p (persona, position)),
				'[]'::jsonb
			) || coalesce(
				(select jsonb_agg(
					case interest
						when 'guest_lesson' then 'Gastles' when 'host_academy' then 'Academie in de klas'
						when 'mentor' then 'Mentor' when 'curriculum_link' then 'Link met de leerplannen'
						when 'open_school_day' then 'Opendeurdag' when 'coaching' then 'Coaching'
						else 'Workshop'
					end order by position)
				from unnest(h.interests) with ordinality as i (interest, position)),
				'[]'::jsonb
			),
			'updated_ts', extract(epoch from pr.updated_at)::bigint,
			'personas', to_jsonb(pr.personas),
			'interests', to_jsonb(coalesce(h.interests, '{}'))
		)
		from public.profiles pr
		left join public.municipalities m on m.nis = pr.municipality_nis
		-- Interests only from a helper profile its owner made public too.
		left join public.helper_profiles h on h.user_id = pr.id and h.visibility = 'public'
		where pr.visibility = 'public'
			and (p_ids is null or pr.id = any (p_ids))
			and (p_after is null or pr.id > p_after)
		order by pr.id
		limit page_size;

	else
		raise exception using
			errcode = 'invalid_parameter_value',
			message = format('Unknown search index %s.', p_index),
			hint = 'search_index_known';
	end if;
end;
$$;

comment on function public.search_documents(text, uuid[], uuid, integer) is
	'The public search documents of an index (activities, organisations, offers, requests, communities, posts, events, people): for p_ids, or every one after p_after in id order (at most p_limit). An id without a document is to be deleted from the index. Service role only.';

revoke execute on function public.search_documents(text, uuid[], uuid, integer) from public, anon, authenticated;
grant execute on function public.search_documents(text, uuid[], uuid, integer) to service_role;
revoke execute on function private.search_community_places(uuid) from public;

-- One line per table that feeds a document (see the search migration).
select private.watch_for_search('communities', 'communities', 'id');
select private.watch_for_search('community_municipalities', 'communities', 'community_id');
-- A community's document counts its members.
select private.watch_for_search('community_members', 'communities', 'community_id');
select private.watch_for_search('posts', 'posts', 'id');
select private.watch_for_search('post_communities', 'posts', 'post_id');
select private.watch_for_search('good_practices', 'posts', 'post_id');
select private.watch_for_search('community_events', 'events', 'id');
select private.watch_for_search('profiles', 'people', 'id');
select private.watch_for_search('helper_profiles', 'people', 'user_id');

-- An existing database fills the new indexes.
select private.search_enqueue('communities', array(select c.id from public.communities c));
select private.search_enqueue('posts', array(select p.id from public.posts p));
select private.search_enqueue('events', array(select e.id from public.community_events e));
select private.search_enqueue('people', array(select pr.id from public.profiles pr));
