-- A community's pages other than its front page (its people, its members, the region's) read the community
-- with its places embedded two levels deep (community_municipalities, then municipalities): PostgREST
-- spent 1.1 to 1.2 ms of its CPU on that call (measured on the local stack against PostgREST itself, one
-- municipality's community, 3 rounds of 1 000 calls, 4 at a time), the most of those pages' calls; read
-- with `*` from a view that builds the same places in Postgres, 0.45 ms as for the organisation pages
-- (20261224000100).
--
-- community_pages: a community's columns that the app reads, and its places as the embed gave them
-- ([{ municipality_nis, municipality: { name_nl } }], [] for none). Security invoker: the caller's RLS on
-- communities (a proposed region for its proposer and staff only), community_municipalities and
-- municipalities, as the embed had.

create view public.community_pages
with (security_invoker = true) as
	select
		c.id, c.kind, c.name, c.description, c.status, c.municipality_nis, c.slug, c.decision_note,
		coalesce(
			(
				select jsonb_agg(
					jsonb_build_object(
						'municipality_nis', p.municipality_nis,
						'municipality', (
							select jsonb_build_object('name_nl', m.name_nl)
							from public.municipalities m
							where m.nis = p.municipality_nis
						)
					)
					order by p.municipality_nis
				)
				from public.community_municipalities p
				where p.community_id = c.id
			),
			'[]'::jsonb
		) as places
	from public.communities c;

comment on view public.community_pages is
	'A community with its places as an embed of community_municipalities and municipalities gave them (read with `*`).';

revoke insert, update, delete, truncate on public.community_pages from anon, authenticated;
grant select on public.community_pages to anon, authenticated, service_role;
