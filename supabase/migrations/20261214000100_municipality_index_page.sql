-- /gemeenten in one API call (issue 15: "one RPC per page instead of several"; the municipalities index
-- made three: a page of current_municipalities with an exact count, then the academies of those
-- municipalities and their communities side by side). Each call through the gateway and PostgREST costs the
-- app a request and PostgREST a transaction with its role and claims set: 1.2 ms of gateway and 2.5 ms of
-- PostgREST CPU per page view, three times what a one-call list page costs them.
--
-- municipality_index_page() answers what listMunicipalityIndex() built from the three: the municipalities
-- of Flanders and Brussels in force whose Dutch name contains p_search (as typed: % and _ are letters), in
-- p_province_nl and whose NIS code starts with p_nis_prefix (21: Brussels), by name and NIS code; `total`, the `page` shown (a page past
-- the end is the last one) and its `rows`: `nis`, `name_nl`, `province_nl`, `academies` (the academies
-- seated there) and `community` (its active community's `id` and `members`, or null). Security invoker:
-- the caller's policies, as for the three reads. The comparison with them is
-- tests/integration/db/municipality-index-page.test.ts.

/**
 * municipality_index_page(page, page size, search, province, NIS code prefix)
 * One page of the municipalities index (/gemeenten) in one JSON object: `total`, `page`, `rows`.
 */
create function public.municipality_index_page(
	p_page integer,
	p_page_size integer,
	p_search text default null,
	p_province_nl text default null,
	p_nis_prefix text default null
)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	-- what was typed, its wildcards escaped (LIKE's escape character is the backslash)
	v_pattern text := case
		when coalesce(p_search, '') = '' then null
		else '%' || replace(replace(replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%'
	end;
	v_total integer;
	v_page integer;
	v_nis text[];
begin
	if p_page_size is null or p_page_size < 1 or p_page_size > 100 then
		raise exception using errcode = '22023', message = 'Een pagina toont 1 tot 100 gemeenten.',
			hint = 'page_size_range';
	end if;

	select count(*) into v_total
	from public.current_municipalities m
	where m.region in ('VLG', 'BRU')
		and (v_pattern is null or m.name_nl ilike v_pattern)
		and (p_province_nl is null or m.province_nl = p_province_nl)
		and (p_nis_prefix is null or m.nis like p_nis_prefix || '%');
	v_page := least(
		greatest(coalesce(p_page, 1), 1),
		greatest(ceil(v_total / p_page_size::numeric)::integer, 1)
	);
	v_nis := array(
		select m.nis
		from public.current_municipalities m
		where m.region in ('VLG', 'BRU')
			and (v_pattern is null or m.name_nl ilike v_pattern)
			and (p_province_nl is null or m.province_nl = p_province_nl)
			and (p_nis_prefix is null or m.nis like p_nis_prefix || '%')
		order by m.name_nl, m.nis
		limit p_page_size offset (v_page - 1) * p_page_size
	);

	return json_build_object(
		'total', v_total,
		'page', v_page,
		'rows', (
			select coalesce(json_agg(json_build_object(
				'nis', m.nis, 'name_nl', m.name_nl, 'province_nl', m.province_nl,
				'academies', coalesce(a.academies, 0),
				'community', case
					when c.community_id is not null
					then json_build_object('id', c.community_id, 'members', c.members)
				end
			) order by i.n), '[]')
			from unnest(v_nis) with ordinality i (nis, n)
			join public.municipalities m on m.nis = i.nis
			left join (
				select o.municipality_nis, count(*)::integer as academies
				from public.organisations o
				where o.kind = 'academy' and o.municipality_nis = any (v_nis)
				group by o.municipality_nis
			) a on a.municipality_nis = m.nis
			left join public.municipality_communities(v_nis) c on c.municipality_nis = m.nis
		)
	);
end;
$$;

comment on function public.municipality_index_page(integer, integer, text, text, text) is
	'/gemeenten in one call: a page of the current Flemish and Brussels municipalities by name, with their academies and community (security invoker).';

revoke execute on function public.municipality_index_page(integer, integer, text, text, text) from public;
grant execute on function public.municipality_index_page(integer, integer, text, text, text)
	to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
