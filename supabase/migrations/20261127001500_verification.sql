-- Verification and quality label: decisions that only network staff take, each verification decision
-- kept in an audit trail.

/**
 * organisation_verification_events
 * Every time network staff verify an organisation or withdraw its verification: who, when, with what
 * note. Written only by set_verification(); read by network staff and the organisation's members.
 */
create table public.organisation_verification_events (
	id bigint generated always as identity primary key,
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	action text not null,
	note text,
	actor uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint organisation_verification_events_action_known check (action in ('verified', 'withdrawn')),
	constraint organisation_verification_events_note_length check (char_length(note) <= 500)
);

alter table public.organisation_verification_events enable row level security;

comment on table public.organisation_verification_events is
	'Audit trail of verification decisions by network staff. Written only by set_verification(); read by network staff and the organisation''s members.';
comment on column public.organisation_verification_events.id is 'Identifier, in order of the decisions.';
comment on column public.organisation_verification_events.organisation_id is 'The organisation the decision is about.';
comment on column public.organisation_verification_events.action is 'verified or withdrawn.';
comment on column public.organisation_verification_events.note is 'Why, in at most 500 characters; optional.';
comment on column public.organisation_verification_events.actor is 'The network staff member who decided; null when the account is gone.';
comment on column public.organisation_verification_events.created_at is 'When the decision was taken.';

create index organisation_verification_events_organisation_id_idx
	on public.organisation_verification_events (organisation_id, created_at);
create index organisation_verification_events_actor_idx on public.organisation_verification_events (actor);

create policy "network staff can read every verification decision"
	on public.organisation_verification_events for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "members can read the verification trail of their organisation"
	on public.organisation_verification_events for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

revoke insert, update, delete, truncate on public.organisation_verification_events from anon, authenticated;

/**
 * set_verification(organisation, verified, note)
 * Network staff verify an organisation (p_verified true) or withdraw its verification (false), with an
 * optional note; the organisation and the audit trail change together.
 */
create function public.set_verification(p_organisation_id uuid, p_verified boolean, p_note text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	actor uuid := auth.uid();
	decision text := case when p_verified then 'verified' else 'withdrawn' end;
	cleaned_note text := nullif(btrim(replace(p_note, E'\r\n', E'\n'), E' \t\r\n'), '');
begin
	if actor is null or not public.is_network_staff() then
		raise exception using
			errcode = '42501',
			message = 'Enkel netwerkmedewerkers kunnen organisaties verifiëren.',
			hint = 'verification_network_staff_only';
	end if;
	if p_verified is null then
		raise exception using
			errcode = '22023',
			message = 'Kies verifiëren of de verificatie intrekken.',
			hint = 'verification_decision_given';
	end if;
	if char_length(cleaned_note) > 500 then
		raise exception using
			errcode = '22001',
			message = 'Een notitie is hoogstens 500 tekens lang.',
			hint = 'organisation_verification_events_note_length',
			column = 'note';
	end if;

	update public.organisations o
	set verification_status = decision, verified_at = now(), verified_by = actor
	where o.id = p_organisation_id;
	if not found then
		raise exception using
			errcode = 'PT404', message = 'Deze organisatie bestaat niet.', hint = 'organisation_not_found';
	end if;

	insert into public.organisation_verification_events (organisation_id, action, note, actor)
	values (p_organisation_id, decision, cleaned_note, actor);
end;
$$;

comment on function public.set_verification(uuid, boolean, text) is
	'Network staff: verify (true) or withdraw the verification of (false) an organisation, with an optional note; writes the audit trail. Errors (SQLSTATE, hint): 42501 verification_network_staff_only, 22023 verification_decision_given, PT404 organisation_not_found, 22001 organisation_verification_events_note_length.';

/**
 * set_quality_label(organisation, label)
 * Network staff set an academy's quality label: none, candidate or awarded.
 */
create function public.set_quality_label(p_organisation_id uuid, p_label text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if auth.uid() is null or not public.is_network_staff() then
		raise exception using
			errcode = '42501',
			message = 'Enkel netwerkmedewerkers kunnen het kwaliteitslabel toekennen.',
			hint = 'quality_label_network_staff_only';
	end if;
	if p_label is null or p_label not in ('none', 'candidate', 'awarded') then
		raise exception using
			errcode = '22023',
			message = 'Kies geen label, kandidaat of toegekend.',
			hint = 'academy_profiles_quality_label_known',
			column = 'quality_label';
	end if;

	update public.academy_profiles p set quality_label = p_label where p.organisation_id = p_organisation_id;
	if not found then
		raise exception using
			errcode = 'PT404', message = 'Deze academie bestaat niet.', hint = 'academy_not_found';
	end if;
end;
$$;

comment on function public.set_quality_label(uuid, text) is
	'Network staff: set an academy''s quality label (none, candidate, awarded). Errors (SQLSTATE, hint): 42501 quality_label_network_staff_only, 22023 academy_profiles_quality_label_known, PT404 academy_not_found (unknown or not an academy).';

revoke execute on function public.set_verification(uuid, boolean, text) from public, anon;
revoke execute on function public.set_quality_label(uuid, text) from public, anon;
grant execute on function public.set_verification(uuid, boolean, text) to authenticated, service_role;
grant execute on function public.set_quality_label(uuid, text) to authenticated, service_role;
