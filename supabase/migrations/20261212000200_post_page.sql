-- A post's page (/berichten/[id]) in one call (issue 15). The page read the post with its communities and
-- comments embedded, then the display names of its author and commenters: two calls, ~2.3 ms of
-- PostgREST's CPU a request. post_page() answers the post's columns, `shared` and `comments` as the select
-- embedded them (comments oldest first), and `names`: the display names of the author and commenters that
-- the caller may read, by id.
--
-- Security invoker: the post, its communities, its comments and the profiles are read under the caller's
-- RLS, as the two calls were. Null when the caller may not read the post.
create function public.post_page(p_id uuid)
returns json
language sql
stable
security invoker
set search_path = ''
as $$
	select json_build_object(
		'id', p.id,
		'kind', p.kind,
		'title', p.title,
		'body', p.body,
		'status', p.status,
		'hidden_reason', p.hidden_reason,
		'created_at', p.created_at,
		'updated_at', p.updated_at,
		'author_id', p.author_id,
		'shared', (
			select coalesce(json_agg(json_build_object(
				'pinned_at', s.pinned_at,
				'community', (
					select json_build_object('id', c.id, 'name', c.name, 'municipality_nis', c.municipality_nis,
						'slug', c.slug)
					from public.communities c where c.id = s.community_id
				)
			)), '[]')
			from public.post_communities s where s.post_id = p.id
		),
		'comments', (
			select coalesce(json_agg(json_build_object(
				'id', k.id, 'body', k.body, 'status', k.status, 'hidden_reason', k.hidden_reason,
				'created_at', k.created_at, 'author_id', k.author_id
			) order by k.created_at, k.id), '[]')
			from public.post_comments k where k.post_id = p.id
		),
		'names', (
			select coalesce(json_object_agg(f.id, f.display_name), '{}')
			from public.profiles f
			where f.id = p.author_id
				or f.id in (select k.author_id from public.post_comments k where k.post_id = p.id)
		)
	)
	from public.posts p
	where p.id = p_id;
$$;

comment on function public.post_page(uuid) is
	'One post as its page reads it: the columns with its communities, its comments (oldest first) and the readable display names of its author and commenters, under the caller''s RLS; null when the caller may not read it.';

revoke execute on function public.post_page(uuid) from public;
grant execute on function public.post_page(uuid) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
