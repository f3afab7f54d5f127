-- The page of one request (/vragen/[id]) asked the API three times in two waves: the request and the
-- caller's academies together, then, for the academy's own open request, its suggestions
-- (suggest_offers()), or, for a signed-in helper, their live offer of help. One call now (issue 15: the
-- slowest signed-in page, "a request with its suggestions"); the app still scores and ranks the
-- suggestions (src/lib/matching/score.ts) and decides what the page shows.
--
-- Security invoker: the request, the memberships, the suggestions and the agreements come through the same
-- tables and functions as before, so RLS gives every caller exactly what the separate queries gave.
-- PL/pgSQL with a generic plan, as the other page functions (20261208000300_generic_plans.sql).

-- The request as the pages read it (private.request_json()) is now also read by anonymous visitors: it is
-- security invoker and reads nothing the caller's RLS does not allow.
grant execute on function private.request_json(public.requests) to anon;

create or replace function public.request_view_page(p_id uuid, p_pool integer)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_request public.requests;
	v_academies uuid[];
	v_member boolean;
begin
	if p_pool is null or p_pool < 1 or p_pool > 100 then
		raise exception using
			errcode = '22023', message = 'Vraag 1 tot 100 voorstellen.', hint = 'page_size_range';
	end if;
	select r.* into v_request from public.requests r where r.id = p_id;
	if not found then
		return jsonb_build_object('request', null);
	end if;
	-- The caller's academies (the organisations they belong to that they can see as academies).
	v_academies := array(
		select ms.organisation_id
		from public.memberships ms
		join public.organisations o on o.id = ms.organisation_id
		where ms.user_id = (select auth.uid()) and o.kind = 'academy'
	);
	v_member := v_request.organisation_id = any (v_academies);
	return jsonb_build_object(
		'request', private.request_json(v_request),
		'member', v_member,
		-- The academy's own open request: the candidates for the app to score (suggest_offers()'s rows).
		'suggestions', case when v_member and v_request.status = 'open' then coalesce((
			select jsonb_agg(to_jsonb(s)) from public.suggest_offers(p_id, p_pool) s
		), '[]'::jsonb) end,
		-- Someone else, signed in: their own offer of help to it that is still proposed or accepted.
		'live_help', case when (select auth.uid()) is not null and not v_member then (
			select jsonb_build_object('id', a.id, 'status', a.status)
			from public.agreements a
			where a.request_id = p_id
				and a.helper_id = (select auth.uid())
				and a.status in ('proposed', 'accepted')
			limit 1
		) end
	);
end;
$$;

comment on function public.request_view_page(uuid, integer) is
	'The page of one request in one call, under the caller''s RLS: request (null when the caller cannot read it), member (of its academy), suggestions (suggest_offers()''s p_pool best candidates, only for the academy''s own open request), live_help (the signed-in caller''s proposed or accepted offer of help, not for members). p_pool 1 to 100, else 22023 with hint page_size_range.';

revoke execute on function public.request_view_page(uuid, integer) from public;
grant execute on function public.request_view_page(uuid, integer) to anon, authenticated, service_role;
