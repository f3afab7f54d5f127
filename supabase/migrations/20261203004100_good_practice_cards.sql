-- The good practices library reads one row per good practice: its post, its structured side, and where it
-- was shared (community names and the provinces of their places, for the province filter). A view with
-- security_invoker, so the tables' own policies decide what each reader sees.

/**
 * good_practice_cards
 * One row per good practice the caller may read, with the post's title, body, author and status, the
 * communities it was shared to (that the caller may read) and the provinces those communities cover (URL
 * slugs: oost-vlaanderen, ..., brussel).
 */
create view public.good_practice_cards
with (security_invoker = true)
as
select
	g.post_id as id,
	p.title,
	p.body,
	p.author_id,
	p.status,
	p.created_at,
	p.updated_at,
	g.stem_letters,
	g.domains,
	g.age_min,
	g.age_max,
	g.format,
	g.what_worked,
	g.materials,
	g.links,
	g.participants,
	g.featured_at,
	coalesce(
		(select jsonb_agg(jsonb_build_object(
				'id', c.id, 'name', c.name, 'kind', c.kind, 'nis', c.municipality_nis, 'slug', c.slug
			) order by c.name)
		from public.post_communities pc
		join public.communities c on c.id = pc.community_id
		where pc.post_id = g.post_id),
		'[]'::jsonb
	) as communities,
	coalesce(
		(select array_agg(distinct coalesce(
				lower(replace(regexp_replace(m.province_nl, '^Provincie ', ''), ' ', '-')), 'brussel'
			))
		from public.post_communities pc
		join public.community_municipalities cm on cm.community_id = pc.community_id
		join public.municipalities m on m.nis = cm.municipality_nis
		where pc.post_id = g.post_id),
		'{}'
	) as provinces
from public.good_practices g
join public.posts p on p.id = g.post_id;

comment on view public.good_practice_cards is
	'The good practices library: one row per good practice the caller may read (security invoker), with its post, structured side, communities and the provinces (URL slugs) they cover.';

grant select on public.good_practice_cards to anon, authenticated;
