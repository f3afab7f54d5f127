-- The /gemeenten index shows, for each municipality on a page, whether it has a community and how many
-- members: counts everyone may read (community_counts), for at most 100 municipalities in one call.

/**
 * municipality_communities(nis[])
 * For the given current municipalities (at most 100 are looked at), their active community and its number
 * of members (people and organisations). Security invoker: communities' policies decide, the counts come
 * from community_counts().
 */
create function public.municipality_communities(p_nis text[])
returns table (municipality_nis text, community_id uuid, members bigint)
language sql
stable
set search_path = ''
as $$
	select c.municipality_nis, c.id,
		coalesce((select sum(cc.members)::bigint from public.community_counts(c.id) cc), 0)
	from public.communities c
	where c.municipality_nis = any ((coalesce(p_nis, '{}'::text[]))[1:100]) and c.status = 'active';
$$;

comment on function public.municipality_communities(text[]) is
	'The active communities of at most 100 municipalities with their member counts (people and organisations), for the municipalities index. Security invoker.';

revoke execute on function public.municipality_communities(text[]) from public;
grant execute on function public.municipality_communities(text[]) to anon, authenticated;
