-- What the community pages need beyond the core (20261203000000_communities.sql): whether the signed-in
-- person hosts a community, the active offers that reach a community's places (located there, listing one
-- in their area, or reaching a place's centre within their radius), and the directory's profiles.

/**
 * hosts_community(community)
 * Whether the signed-in person hosts the community, for the page to offer the host's tools. Security
 * invoker: the policies decide every write anyway.
 */
create function public.hosts_community(p_community_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
	select private.is_community_host(p_community_id);
$$;

comment on function public.hosts_community(uuid) is
	'True when the signed-in person hosts the community (role host, admin of a host organisation, or admin of an academy seated in one of its places). Shows the host''s tools; authorises nothing.';

revoke execute on function public.hosts_community(uuid) from public, anon;
grant execute on function public.hosts_community(uuid) to authenticated;

/**
 * community_offer_ids(community, limit)
 * The active offers that reach one of the community's places: located in it, listing it in their area,
 * or reaching its centre within their radius. Newest first, at most p_limit (1 to 100). Security invoker:
 * the offers' policies decide what the caller reads.
 */
create function public.community_offer_ids(p_community_id uuid, p_limit integer default 12)
returns setof uuid
language sql
stable
set search_path = ''
as $$
	select o.id
	from public.offers o
	where o.status = 'active'
		and exists (
			select 1
			from public.community_municipalities cmu
			join public.municipalities m on m.nis = cmu.municipality_nis
			where cmu.community_id = p_community_id
				and (
					o.municipality_nis = m.nis
					or o.area_municipalities @> array[m.nis]
					or (
						o.radius_km is not null and m.lat is not null
						and (point(o.lng, o.lat) operator(extensions.<@>) point(m.lng, m.lat)) * 1.609344 <= o.radius_km
					)
				)
		)
	order by o.created_at desc, o.id
	limit least(greatest(coalesce(p_limit, 12), 1), 100);
$$;

comment on function public.community_offer_ids(uuid, integer) is
	'Ids of the active offers that reach one of the community''s places (located there, listed in their area, or within their radius of its centre), newest first, at most 100. Security invoker.';

revoke execute on function public.community_offer_ids(uuid, integer) from public;
grant execute on function public.community_offer_ids(uuid, integer) to anon, authenticated;

-- A person who chose to appear in a community's directory is shown there with their profile's public bits,
-- also when their profile is otherwise for nobody: the choice is theirs, made per community.
create policy "community members can read the profiles in their directory"
	on public.profiles for select
	to authenticated
	using (
		id in (
			select cm.user_id from public.community_members cm
			where cm.in_directory and cm.community_id in (select private.my_community_ids())
		)
	);
