-- The moderation page lists the communities the signed-in person hosts (it says so when there are none,
-- and hosts choose among them where to block a post's author).

/**
 * my_hosted_communities()
 * The active communities the signed-in person hosts, by name. Security invoker: only about the caller.
 */
create function public.my_hosted_communities()
returns table (id uuid, name text)
language sql
stable
set search_path = ''
as $$
	select c.id, c.name from public.communities c
	where c.id in (select private.hosted_community_ids()) and c.status = 'active'
	order by c.name;
$$;

comment on function public.my_hosted_communities() is
	'The active communities the signed-in person hosts (id, name), for the moderation page. Authorises nothing.';

revoke execute on function public.my_hosted_communities() from public, anon;
grant execute on function public.my_hosted_communities() to authenticated, service_role;
