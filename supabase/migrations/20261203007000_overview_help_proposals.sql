-- An organisation's overview also lists the people who offered to help ("Ik wil helpen"): their proposal has
-- no offer and no proposing organisation, so the first version's inner join on the offer and its
-- "not the proposer" test (null for a person) left every one of them out.

/**
 * organisation_overview(organisation)
 * As before, with proposals of people: offer_title null, proposer_name the person's display name (the
 * academy's members may read the profile of a person who offers them help).
 */
create or replace function public.organisation_overview(p_organisation_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	with org as (
		select o.id, o.verification_status
		from public.organisations o
		where o.id = p_organisation_id
			and exists (
				select 1 from public.memberships ms
				where ms.organisation_id = o.id and ms.user_id = (select auth.uid())
			)
	),
	proposals as (
		select a.id, a.created_at, r.title as request_title, f.title as offer_title,
			coalesce(p.name, helper.display_name) as proposer_name
		from public.agreements a
		join org on org.id in (a.academy_id, a.provider_id)
			and org.id is distinct from a.proposed_by_organisation
		join public.requests r on r.id = a.request_id
		left join public.offers f on f.id = a.offer_id
		left join public.organisations p on p.id = a.proposed_by_organisation
		left join public.profiles helper on helper.id = a.helper_id
		where a.status = 'proposed'
	),
	open_requests as (
		select r.id, r.title, r.created_at
		from public.requests r
		join org on org.id = r.organisation_id
		where r.status = 'open'
	),
	newest_requests as (
		select * from open_requests order by created_at desc, id limit 5
	),
	suggested as (
		select r.id, r.title, r.created_at,
			(
				select count(*) from public.suggest_offers(r.id, 20) s where s.agreement_id is null
			) as suggestion_count
		from newest_requests r
	),
	drafts as (
		select 'activity' as kind, x.id, x.title, x.updated_at
		from public.activities x
		join org on org.id = x.organisation_id
		where x.status = 'draft'
		union all
		select 'offer', x.id, x.title, x.updated_at
		from public.offers x
		join org on org.id = x.organisation_id
		where x.status = 'paused'
	),
	volunteers as (
		select v.id from public.volunteer_session_checks v
		join org on org.id = v.organisation_id
		where v.state <> 'ok'
	),
	invitations as (
		select i.id from public.invitations i
		join org on org.id = i.organisation_id
		where i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
	)
	select case when not exists (select 1 from org) then null else jsonb_build_object(
		'verification_status', (select org.verification_status from org),
		'proposals', jsonb_build_object(
			'count', (select count(*) from proposals),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(p) order by p.created_at desc), '[]'::jsonb)
				from (select * from proposals order by created_at desc, id limit 5) p
			)
		),
		'requests', jsonb_build_object(
			'count', (select count(*) from open_requests),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(s) order by s.created_at desc, s.id), '[]'::jsonb)
				from suggested s
			)
		),
		'drafts', jsonb_build_object(
			'count', (select count(*) from drafts),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(d) order by d.updated_at desc), '[]'::jsonb)
				from (select * from drafts order by updated_at desc, id limit 5) d
			)
		),
		'volunteers_without_check', (select count(*) from volunteers),
		'open_invitations', (select count(*) from invitations)
	) end
$$;

