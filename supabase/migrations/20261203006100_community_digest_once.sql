-- community_digest() computed each community's news several times (its result was referenced in the filter,
-- the order and the list, and the planner copied the call into each): now once per community.

create or replace function public.community_digest(p_user_id uuid, p_at timestamptz default now())
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	with news as materialized (
		select private.community_news(ids.id, week.period_start, week.period_end) as part
		from public.notification_digest_period(p_at) week
		cross join private.digest_community_ids(p_user_id) as ids (id)
		where private.notification_delivery(p_user_id, 'community_digest', null) = 'digest'
	),
	shown as (
		select news.part
		from news
		where news.part is not null
		order by news.part ->> 'name', news.part ->> 'id'
		limit 10
	)
	select coalesce(jsonb_agg(shown.part order by shown.part ->> 'name', shown.part ->> 'id'), '[]'::jsonb)
	from shown;
$$;

revoke execute on function public.community_digest(uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.community_digest(uuid, timestamptz) to service_role;
