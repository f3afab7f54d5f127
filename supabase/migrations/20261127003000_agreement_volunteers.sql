-- Who comes: the people an accepted agreement about volunteers, expertise or a visit brings (named by
-- either side), and per named volunteer whether the academy saw a recent extract (model 2) before the
-- agreement's first session (agreements.first_session_on, or booking_from for a room).

/**
 * is_accepted_agreement_party(agreement)
 * True when the agreement is accepted and the signed-in person belongs to one of its two organisations.
 */
create function private.is_accepted_agreement_party(p_agreement_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.agreements a
		where a.id = p_agreement_id
			and a.status = 'accepted'
			and (
				a.academy_id in (select private.my_organisation_ids())
				or a.provider_id in (select private.my_organisation_ids())
			)
	);
$$;

comment on function private.is_accepted_agreement_party(uuid) is
	'True when the agreement is accepted and the signed-in person is a member of its academy or its provider. For policies.';

grant execute on function private.is_accepted_agreement_party(uuid) to authenticated, service_role;

/**
 * agreement_volunteers
 * The people an accepted volunteers, expertise or visit agreement brings, by name. Either side adds and
 * removes them while the agreement is accepted; both sides and network staff read them.
 */
create table public.agreement_volunteers (
	id uuid primary key default gen_random_uuid(),
	agreement_id uuid not null references public.agreements (id) on delete cascade,
	name text not null,
	added_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint agreement_volunteers_name_length check (char_length(name) between 2 and 120),
	constraint agreement_volunteers_name_trimmed check (name = btrim(name, E' \t\r\n'))
);

alter table public.agreement_volunteers enable row level security;

comment on table public.agreement_volunteers is
	'The people (volunteers, mentors, experts) an accepted agreement about volunteers, expertise or a visit brings, by name. Added and removed by the members of both organisations while the agreement is accepted; read by them and network staff.';
comment on column public.agreement_volunteers.id is 'Identifier.';
comment on column public.agreement_volunteers.agreement_id is 'The agreement (offer kind volunteers, expertise or visit).';
comment on column public.agreement_volunteers.name is 'The person''s name, 2 to 120 characters, trimmed; once per agreement (case-insensitive).';
comment on column public.agreement_volunteers.added_by is 'Who added the name.';
comment on column public.agreement_volunteers.created_at is 'When it was added.';

create unique index agreement_volunteers_name_once on public.agreement_volunteers (agreement_id, lower(name));
create index agreement_volunteers_added_by_idx on public.agreement_volunteers (added_by);

/**
 * check_agreement_volunteer()
 * Trims the name and says in Dutch what is wrong: too short or long, an agreement that brings no people,
 * an agreement that is not accepted (only to its parties; the policies refuse anyone else).
 */
create function private.check_agreement_volunteer()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
begin
	new.name := regexp_replace(btrim(coalesce(new.name, ''), E' \t\r\n'), '\s+', ' ', 'g');
	if char_length(new.name) < 2 or char_length(new.name) > 120 then
		perform private.raise_rule('agreement_volunteers_name_length', 'name',
			'Een naam is 2 tot 120 tekens lang.', tg_table_name);
	end if;
	select a.status, o.kind as offer_kind, a.academy_id, a.provider_id into agreement
	from public.agreements a
	join public.offers o on o.id = a.offer_id
	where a.id = new.agreement_id
		and (
			a.academy_id in (select private.my_organisation_ids())
			or a.provider_id in (select private.my_organisation_ids())
		);
	if found then
		if agreement.offer_kind not in ('volunteers', 'expertise', 'visit') then
			perform private.raise_rule('agreement_volunteers_offer_kind', 'agreement_id',
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek noteer je wie er komt.',
				tg_table_name);
		elsif agreement.status <> 'accepted' then
			perform private.raise_rule('agreement_volunteers_agreement_accepted', 'agreement_id',
				'Je kan enkel namen toevoegen zolang de afspraak aanvaard is.', tg_table_name);
		elsif exists (
			select 1 from public.agreement_volunteers v
			where v.agreement_id = new.agreement_id and lower(v.name) = lower(new.name)
		) then
			perform private.raise_rule('agreement_volunteers_name_once', 'name',
				format('%s staat al op de lijst.', new.name), tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function private.check_agreement_volunteer() is
	'Trigger: trims the name (2 to 120 characters), requires an accepted agreement about volunteers, expertise or a visit, and a name not yet on its list; Dutch messages (23514) for the agreement''s parties.';

create trigger agreement_volunteers_check
	before insert on public.agreement_volunteers
	for each row execute function private.check_agreement_volunteer();

create policy "members of both sides can read who comes"
	on public.agreement_volunteers for select
	to authenticated
	using (exists (select 1 from public.agreements a where a.id = agreement_id));

create policy "members of both sides can name who comes while accepted"
	on public.agreement_volunteers for insert
	to authenticated
	with check (added_by = (select auth.uid()) and private.is_accepted_agreement_party(agreement_id));

create policy "members of both sides can remove a name while accepted"
	on public.agreement_volunteers for delete
	to authenticated
	using (private.is_accepted_agreement_party(agreement_id));

revoke insert, update, delete, truncate on public.agreement_volunteers from anon, authenticated;
revoke select on public.agreement_volunteers from anon;
grant insert (agreement_id, name) on public.agreement_volunteers to authenticated;
grant delete on public.agreement_volunteers to authenticated;

/**
 * volunteer_session_checks
 * For the academy's owners and admins (who keep its safeguarding records): per named volunteer of its
 * accepted agreements, the first session, the latest check (matched on academy and name,
 * case-insensitive) and its state: ok, missing, expired, or expires_before_session (recent today, but no
 * longer on the first session). Applies the policies of the person asking; only rows of the academies the
 * asker is an owner or admin of (a plain member would otherwise see every volunteer as missing).
 */
create view public.volunteer_session_checks
with (security_invoker = true)
as
select
	v.id,
	a.academy_id as organisation_id,
	v.agreement_id,
	v.name as volunteer_name,
	coalesce(a.first_session_on, a.booking_from) as first_session_on,
	c.seen_on,
	c.seen_by_name,
	(c.seen_on + interval '3 years')::date as valid_until,
	case
		when c.seen_on is null then 'missing'
		when (c.seen_on + interval '3 years')::date < private.today_in_belgium() then 'expired'
		when (c.seen_on + interval '3 years')::date < coalesce(a.first_session_on, a.booking_from)
			then 'expires_before_session'
		else 'ok'
	end as state
from public.agreement_volunteers v
join public.agreements a on a.id = v.agreement_id
left join lateral (
	select vc.seen_on, vc.seen_by_name
	from public.volunteer_checks vc
	where vc.organisation_id = a.academy_id and lower(vc.volunteer_name) = lower(v.name)
	order by vc.seen_on desc, vc.created_at desc
	limit 1
) c on true
where a.status = 'accepted' and private.is_org_admin(a.academy_id);

comment on view public.volunteer_session_checks is
	'For the academy''s owners and admins: each named volunteer of its accepted agreements with the first session (first_session_on or booking_from), the latest check and its state (ok, missing, expired, expires_before_session). security_invoker: only the academies the asker is an owner or admin of.';
comment on column public.volunteer_session_checks.id is 'The agreement_volunteers row.';
comment on column public.volunteer_session_checks.organisation_id is 'The academy.';
comment on column public.volunteer_session_checks.agreement_id is 'The accepted agreement.';
comment on column public.volunteer_session_checks.volunteer_name is 'The volunteer as named on the agreement.';
comment on column public.volunteer_session_checks.first_session_on is 'The first session, when known.';
comment on column public.volunteer_session_checks.seen_on is 'The latest check''s day, if any.';
comment on column public.volunteer_session_checks.seen_by_name is 'Who saw it.';
comment on column public.volunteer_session_checks.valid_until is 'Last day the latest check counts (seen_on + 3 years).';
comment on column public.volunteer_session_checks.state is 'ok, missing, expired (older than 3 years today) or expires_before_session.';

revoke all on public.volunteer_session_checks from anon;
grant select on public.volunteer_session_checks to authenticated;

revoke execute on all functions in schema private from public;
