-- The agreements page (/afspraken) asked four API round trips in three waves: the person's memberships,
-- then one page of their organisations' agreements (and the ones they help in themselves) with the count,
-- then the display names of the helpers on it. One call now (issue 15: signed-in pages fast). Security
-- invoker: the memberships, the agreements and the profiles are read under the caller's own RLS, as the
-- separate requests were, so a person sees the same list as before. A page past the end gives the last
-- page (as the list did). Anonymous callers may not call it.
create or replace function public.my_agreements_page(p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_me uuid := (select auth.uid());
	v_mine uuid[];
	v_total integer;
	v_page integer;
	v_rows jsonb;
begin
	if v_me is null then
		return null;
	end if;
	if p_size is null or p_size < 1 or p_size > 100 then
		raise exception 'page size must be between 1 and 100' using errcode = '22023', hint = 'page_size_range';
	end if;
	v_mine := array(select m.organisation_id from public.memberships m where m.user_id = v_me);
	select count(*) into v_total
	from public.agreements a
	where a.academy_id = any (v_mine) or a.provider_id = any (v_mine) or a.helper_id = v_me;
	v_page := least(greatest(coalesce(p_page, 1), 1), greatest(1, ceil(v_total::numeric / p_size)::integer));
	select coalesce(jsonb_agg(jsonb_build_object(
			'id', a.id, 'status', a.status, 'updated_at', a.updated_at, 'academy_id', a.academy_id,
			'offer_id', a.offer_id, 'provider_id', a.provider_id,
			'proposed_by_organisation', a.proposed_by_organisation, 'helper_id', a.helper_id,
			'request', (
				select jsonb_build_object('id', r.id, 'title', r.title, 'kind', r.kind, 'description', r.description)
				from public.requests r where r.id = a.request_id
			),
			'offer', (
				select jsonb_build_object('id', f.id, 'title', f.title, 'kind', f.kind, 'description', f.description)
				from public.offers f where f.id = a.offer_id
			),
			'academy', (
				select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug)
				from public.organisations o where o.id = a.academy_id
			),
			'provider', (
				select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug)
				from public.organisations o where o.id = a.provider_id
			)
		) order by a.updated_at desc, a.id), '[]'::jsonb)
	into v_rows
	from (
		select a.* from public.agreements a
		where a.academy_id = any (v_mine) or a.provider_id = any (v_mine) or a.helper_id = v_me
		order by a.updated_at desc, a.id
		offset (v_page - 1) * p_size limit p_size
	) a;
	return jsonb_build_object(
		'total', v_total,
		'page', v_page,
		'rows', v_rows,
		'names', coalesce((
			select jsonb_object_agg(p.id, p.display_name)
			from public.profiles p
			where p.id = any (array(
				select (row ->> 'helper_id')::uuid from jsonb_array_elements(v_rows) row
				where row ->> 'helper_id' is not null
			))
		), '{}'::jsonb)
	);
end;
$$;

comment on function public.my_agreements_page(integer, integer) is
	'One page of the agreements of the caller''s organisations and those they help in themselves, last changed first, read under the caller''s RLS: total, page (the last page when asked past the end), rows (with request, offer, academy, provider), names (display names of the helpers the caller may see). Null without a signed-in caller.';

revoke execute on function public.my_agreements_page(integer, integer) from public, anon;
grant execute on function public.my_agreements_page(integer, integer) to authenticated, service_role;
