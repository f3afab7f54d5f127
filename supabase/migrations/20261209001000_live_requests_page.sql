-- One page of /vragen in one call, as 20261209000900 did for /aanbod (issue 15: every public page uncached
-- p95 <= 2x a bare page). The page asked PostgREST for the open and in-progress requests with three embeds
-- (organisation, municipality, weekly slots) and an exact count: ~2 ms of PostgREST's CPU for the embeds
-- alone. live_requests_page() answers the same page: the requests in the object private.request_json()
-- builds (the shape of the embeds), how many match, how many are live in all, and which page that is (a
-- page past the end is the last one). One static query per order; the lookups joined in one statement
-- (per row, request_json() would run three statements for each). Security invoker: the caller's policies
-- decide, as they did for the select.

/**
 * live_requests_page(sort, page, page size, kind, municipality)
 * One page of the open and in-progress requests, filtered by kind and municipality (null: all), in the
 * list's order (`nieuw`: newest first; `deadline`: by deadline, those without one last; `naam`: by title;
 * each then newest first): {"rows": [request_json...], "total": matching, "all": live in all, "page": the
 * page shown}.
 */
create function public.live_requests_page(
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
			select coalesce(json_agg(to_jsonb(r) || jsonb_build_object(
				'organisations', o.value,
				'municipalities', g.value,
				'request_slots', coalesce(s.value, '[]'::jsonb)
			) order by i.n), '[]')
			from unnest(v_ids) with ordinality i (id, n)
			join public.requests r on r.id = i.id
			left join lateral (
				select jsonb_build_object('name', o.name, 'slug', o.slug) as value
				from public.organisations o where o.id = r.organisation_id
			) o on true
			left join lateral (
				select jsonb_build_object('name_nl', g.name_nl) as value
				from public.municipalities g where g.nis = r.municipality_nis
			) g on true
			left join lateral (
				select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
					as value
				from public.request_slots s where s.request_id = r.id
			) s on true
		),
		'total', v_total,
		'all', v_all,
		'page', v_page
	);
end;
$$;

comment on function public.live_requests_page(text, integer, integer, text, text) is
	'One page of the open and in-progress requests for the public list, filtered and ordered, with how many match, how many are live and the page shown.';

revoke execute on function public.live_requests_page(text, integer, integer, text, text) from public;
grant execute on function public.live_requests_page(text, integer, integer, text, text)
	to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
