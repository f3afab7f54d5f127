-- /aanbod and /vragen get only what their cards show (issue 15: every public page uncached p95 <= 2x a bare
-- page; /aanbod was the worst, 89.4 ms against 25.5). active_offers_page() and live_requests_page() built
-- each row's whole object (offer_json's or request_json's: every column, the organisation, the
-- municipality, the slots and the unavailable dates), 29 kB of JSON for a page of 24 offers, which
-- PostgREST passed on and the app parsed, then cut to the cards' dozen fields (src/lib/exchange-cards.ts).
-- In psql as anon, 80 calls, median: active_offers_page() for the first page 1.45 ms with whole rows, 0.41
-- ms with the cards' fields (9.6 kB).
--
-- Same signatures, filters, orders, counts, paging and security (invoker); each row is now a card: `id`,
-- `kind`, `title`, the fields the card shows (an offer's `room_type`, `capacity`, `people`,
-- `hours_per_year`, `amount_eur`, `term_start`; a request's `needed_from`, `needed_until`, `deadline`),
-- `domains`, `municipality_nis`, `municipality_name` and `organisation_name` (null where the caller may not
-- read them). Only the two lists call them. The comparisons with the PostgREST selects the lists made
-- before are tests/integration/db/active-offers-page.test.ts and live-requests-page.test.ts.

/**
 * active_offers_page(sort, page, page size, kind, municipality)
 * One page of the active offers, filtered by kind and municipality (null: all), in the list's order
 * (`nieuw`: newest first; `beschikbaar`: available now, then by first day; `naam`: by title; each then
 * newest first): {"rows": [card...], "total": matching, "all": active in all, "page": the page shown}.
 */
create or replace function public.active_offers_page(
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
		-- what an offer's card shows, its organisation and municipality joined in this one statement
		'rows', (
			select coalesce(json_agg(json_build_object(
				'id', f.id, 'kind', f.kind, 'title', f.title, 'room_type', f.room_type,
				'capacity', f.capacity, 'people', f.people, 'hours_per_year', f.hours_per_year,
				'amount_eur', f.amount_eur, 'term_start', f.term_start, 'domains', f.domains,
				'municipality_nis', f.municipality_nis, 'municipality_name', g.name_nl,
				'organisation_name', o.name
			) order by i.n), '[]')
			from unnest(v_ids) with ordinality i (id, n)
			join public.offers f on f.id = i.id
			left join public.organisations o on o.id = f.organisation_id
			left join public.municipalities g on g.nis = f.municipality_nis
		),
		'total', v_total,
		'all', v_all,
		'page', v_page
	);
end;
$$;

/**
 * live_requests_page(sort, page, page size, kind, municipality)
 * One page of the open and in-progress requests, filtered by kind and municipality (null: all), in the
 * list's order (`nieuw`: newest first; `deadline`: by deadline, those without one last; `naam`: by title;
 * each then newest first): {"rows": [card...], "total": matching, "all": live in all, "page": the
 * page shown}.
 */
create or replace function public.live_requests_page(
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
		raise exception using errcode = '22023', message = 'Een pagina toont 1 tot 100 vragen.',
			hint = 'page_size_range';
	end if;

	select count(*) into v_total
	from public.requests r
	where r.status in ('open', 'in_progress')
		and (p_kind is null or r.kind = p_kind)
		and (p_nis is null or r.municipality_nis = p_nis);
	v_all := case
		when p_kind is null and p_nis is null then v_total
		else (select count(*) from public.requests r where r.status in ('open', 'in_progress'))
	end;
	v_page := least(greatest(coalesce(p_page, 1), 1), greatest(ceil(v_total / p_page_size::numeric)::integer, 1));
	v_offset := (v_page - 1) * p_page_size;

	if p_sort = 'deadline' then
		v_ids := array(
			select r.id from public.requests r
			where r.status in ('open', 'in_progress')
				and (p_kind is null or r.kind = p_kind)
				and (p_nis is null or r.municipality_nis = p_nis)
			order by r.deadline asc nulls last, r.created_at desc, r.id
			limit p_page_size offset v_offset
		);
	elsif p_sort = 'naam' then
		v_ids := array(
			select r.id from public.requests r
			where r.status in ('open', 'in_progress')
				and (p_kind is null or r.kind = p_kind)
				and (p_nis is null or r.municipality_nis = p_nis)
			order by r.title, r.created_at desc, r.id
			limit p_page_size offset v_offset
		);
	else
		v_ids := array(
			select r.id from public.requests r
			where r.status in ('open', 'in_progress')
				and (p_kind is null or r.kind = p_kind)
				and (p_nis is null or r.municipality_nis = p_nis)
			order by r.created_at desc, r.id
			limit p_page_size offset v_offset
		);
	end if;

	return json_build_object(
		'rows', (
			select coalesce(json_agg(json_build_object(
				'id', r.id, 'kind', r.kind, 'title', r.title, 'needed_from', r.needed_from,
				'needed_until', r.needed_until, 'deadline', r.deadline, 'domains', r.domains,
				'municipality_nis', r.municipality_nis, 'municipality_name', g.name_nl,
				'organisation_name', o.name
			) order by i.n), '[]')
			from unnest(v_ids) with ordinality i (id, n)
			join public.requests r on r.id = i.id
			left join public.organisations o on o.id = r.organisation_id
			left join public.municipalities g on g.nis = r.municipality_nis
		),
		'total', v_total,
		'all', v_all,
		'page', v_page
	);
end;
$$;

revoke execute on all functions in schema private from public;
