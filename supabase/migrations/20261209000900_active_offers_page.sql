-- One page of /aanbod in one call (issue 15: every public page uncached p95 <= 2x a bare page; after /dekking
-- the offers list was the slowest, 151.0 ms p95). The page asked PostgREST for the active offers with four
-- embeds (organisation, municipality, weekly slots, days off) and an exact count; PostgREST spent 3.7 ms of
-- CPU on that request and Postgres 5.6 ms (bench:pages' CPU per request). Direct requests to PostgREST, 500
-- in a row: a select with embeds costs PostgREST ~2 ms of CPU, an RPC ~0.2 ms.
--
-- active_offers_page() answers the same page: the offers in the object private.offer_json() builds (the shape
-- of the embeds, as the community page reads them), how many match, how many are active in all, and which page
-- that is (a page past the end is the last one, as fetchPage() did). One static query per order, so each
-- keeps its own plan. Security invoker: the caller's policies decide, as they did for the select.

/**
 * active_offers_page(sort, page, page size, kind, municipality)
 * One page of the active offers, filtered by kind and municipality (null: all), in the list's order
 * (`nieuw`: newest first; `beschikbaar`: available now, then by first day; `naam`: by title; each then
 * newest first): {"rows": [offer_json...], "total": matching, "all": active in all, "page": the page shown}.
 */
create function public.active_offers_page(
	p_sort text,
	p_page integer,
	p_page_size integer,
	p_kind text default null,
	p_nis text default null
)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	v_total integer;
	v_all integer;
	v_page integer;
	v_offset integer;
	v_ids uuid[];
begin
	if p_page_size is null or p_page_size < 1 or p_page_size > 100 then
		raise exception using errcode = '22023', message = 'Een pagina toont 1 tot 100 aanbiedingen.',
			hint = 'page_size_range';
	end if;

	select count(*) into v_total
	from public.offers f
	where f.status = 'active'
		and (p_kind is null or f.kind = p_kind)
		and (p_nis is null or f.municipality_nis = p_nis);
	v_all := case
		when p_kind is null and p_nis is null then v_total
		else (select count(*) from public.offers f where f.status = 'active')
	end;
	v_page := least(greatest(coalesce(p_page, 1), 1), greatest(ceil(v_total / p_page_size::numeric)::integer, 1));
	v_offset := (v_page - 1) * p_page_size;

	if p_sort = 'beschikbaar' then
		v_ids := array(
			select f.id from public.offers f
			where f.status = 'active'
				and (p_kind is null or f.kind = p_kind)
				and (p_nis is null or f.municipality_nis = p_nis)
			order by f.term_start asc nulls first, f.created_at desc, f.id
			limit p_page_size offset v_offset
		);
	elsif p_sort = 'naam' then
		v_ids := array(
			select f.id from public.offers f
			where f.status = 'active'
				and (p_kind is null or f.kind = p_kind)
				and (p_nis is null or f.municipality_nis = p_nis)
			order by f.title, f.created_at desc, f.id
			limit p_page_size offset v_offset
		);
	else
		v_ids := array(
			select f.id from public.offers f
			where f.status = 'active'
				and (p_kind is null or f.kind = p_kind)
				and (p_nis is null or f.municipality_nis = p_nis)
			order by f.created_at desc, f.id
			limit p_page_size offset v_offset
		);
	end if;

	return json_build_object(
		-- private.offer_json()'s object, its lookups joined in this one statement: called per row, its four
		-- lookups each ran as a statement of their own (psql as anon, a page of 24, 100 calls while another
		-- stack's tests ran: 15.0 and 14.3 ms p50 that way, 1.81 and 1.70 ms joined).
		'rows', (
			select coalesce(json_agg(to_jsonb(f) || jsonb_build_object(
				'organisations', o.value,
				'municipalities', g.value,
				'offer_slots', coalesce(s.value, '[]'::jsonb),
				'offer_unavailable_dates', coalesce(d.value, '[]'::jsonb)
			) order by i.n), '[]')
			from unnest(v_ids) with ordinality i (id, n)
			join public.offers f on f.id = i.id
			left join lateral (
				select jsonb_build_object('name', o.name, 'slug', o.slug, 'kind', o.kind) as value
				from public.organisations o where o.id = f.organisation_id
			) o on true
			left join lateral (
				select jsonb_build_object('name_nl', g.name_nl) as value
				from public.municipalities g where g.nis = f.municipality_nis
			) g on true
			left join lateral (
				select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
					as value
				from public.offer_slots s where s.offer_id = f.id
			) s on true
			left join lateral (
				select jsonb_agg(jsonb_build_object('day', d.day)) as value
				from public.offer_unavailable_dates d where d.offer_id = f.id
			) d on true
		),
		'total', v_total,
		'all', v_all,
		'page', v_page
	);
end;
$$;

comment on function public.active_offers_page(text, integer, integer, text, text) is
	'One page of the active offers for the public list, filtered and ordered, with how many match, how many are active and the page shown.';

revoke execute on function public.active_offers_page(text, integer, integer, text, text) from public;
grant execute on function public.active_offers_page(text, integer, integer, text, text)
	to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
