-- Academy profiles: what an academy covers (S, T, E, M and its accents), its domains, ages and languages;
-- and the decisions about an organisation that only network staff take (verification, quality label).

/**
 * academy_profiles
 * One per academy, created with it. Public; edited by the academy's owners and admins, except the
 * quality label, which only network staff set (set_quality_label()).
 */
create table public.academy_profiles (
	organisation_id uuid primary key references public.organisations (id) on delete cascade,
	stem_letters text[] not null default '{}',
	accent_letters text[] not null default '{}',
	creative_link boolean not null default false,
	domains text[] not null default '{}',
	age_min integer,
	age_max integer,
	languages text[] not null default '{nl}',
	officially_recognised boolean not null default false,
	quality_label text not null default 'none',
	updated_at timestamptz not null default now(),
	constraint academy_profiles_stem_letters_known check (
		stem_letters <@ array['S', 'T', 'E', 'M']::text[] and array_position(stem_letters, null) is null
	),
	constraint academy_profiles_stem_letters_distinct check (private.has_distinct_elements(stem_letters)),
	constraint academy_profiles_accents_within_stem_letters check (
		accent_letters <@ stem_letters and array_position(accent_letters, null) is null
	),
	constraint academy_profiles_accent_letters_distinct check (private.has_distinct_elements(accent_letters)),
	constraint academy_profiles_domains_known check (
		domains <@ array[
			'techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
			'life_sciences', 'andere'
		]::text[]
		and array_position(domains, null) is null
	),
	constraint academy_profiles_domains_distinct check (private.has_distinct_elements(domains)),
	constraint academy_profiles_ages_both_or_neither check ((age_min is null) = (age_max is null)),
	constraint academy_profiles_ages_in_range check (
		age_min between 2 and 25 and age_max between 2 and 25 and age_min <= age_max
	),
	constraint academy_profiles_languages_known check (
		languages <@ array['nl', 'fr', 'en', 'de', 'andere']::text[]
		and array_position(languages, null) is null
	),
	constraint academy_profiles_languages_distinct check (private.has_distinct_elements(languages)),
	constraint academy_profiles_quality_label_known check (quality_label in ('none', 'candidate', 'awarded'))
);

alter table public.academy_profiles enable row level security;

comment on table public.academy_profiles is
	'What an academy covers: STEM letters and accents, creative link, domains, ages, languages, recognition and quality label. One per academy, created with it; read by everyone; edited by its owners and admins; quality label by network staff only.';
comment on column public.academy_profiles.organisation_id is 'The academy (an organisation of kind academy).';
comment on column public.academy_profiles.stem_letters is 'Which of S, T, E, M the academy covers.';
comment on column public.academy_profiles.accent_letters is 'The letters it declares as its accents; a subset of stem_letters.';
comment on column public.academy_profiles.creative_link is 'Linked with the creative sector (STEAM).';
comment on column public.academy_profiles.domains is 'Domains: techniek, programmeren, natuur, sterrenkunde, wiskunde_natuurwetenschappen, life_sciences, andere.';
comment on column public.academy_profiles.age_min is 'Youngest age it is for (2 to 25); null together with age_max when not given.';
comment on column public.academy_profiles.age_max is 'Oldest age it is for (2 to 25, at least age_min).';
comment on column public.academy_profiles.languages is 'Languages of its activities: nl, fr, en, de, andere.';
comment on column public.academy_profiles.officially_recognised is 'Officially recognised as STEM academy (declared by the academy).';
comment on column public.academy_profiles.quality_label is 'Quality label: none, candidate or awarded. Set only by network staff through set_quality_label().';
comment on column public.academy_profiles.updated_at is 'When the profile last changed.';

create index academy_profiles_domains_idx on public.academy_profiles using gin (domains);
create index academy_profiles_quality_label_idx on public.academy_profiles (quality_label);

create trigger academy_profiles_require_academy
	before insert or update of organisation_id on public.academy_profiles
	for each row execute function private.require_academy('Enkel een academie heeft een academieprofiel.');

create trigger academy_profiles_set_updated_at
	before update on public.academy_profiles
	for each row execute function private.set_updated_at();

/**
 * create_academy_profile()
 * Every new academy gets its (empty) profile.
 */
create function private.create_academy_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.kind = 'academy' then
		insert into public.academy_profiles (organisation_id) values (new.id)
		on conflict (organisation_id) do nothing;
	end if;
	return new;
end;
$$;

comment on function private.create_academy_profile() is 'Trigger: creates the academy profile of a new academy.';

create trigger organisations_create_academy_profile
	after insert on public.organisations
	for each row execute function private.create_academy_profile();

create policy "anyone can read academy profiles"
	on public.academy_profiles for select
	to anon, authenticated
	using (true);

create policy "owners and admins can edit their academy's profile"
	on public.academy_profiles for update
	to authenticated
	using (private.is_org_admin(organisation_id))
	with check (private.is_org_admin(organisation_id));

-- Created and deleted with the academy only; the quality label is not among the columns people write.
revoke insert, update, delete, truncate on public.academy_profiles from anon, authenticated;
grant update (
	stem_letters, accent_letters, creative_link, domains, age_min, age_max, languages,
	officially_recognised
) on public.academy_profiles to authenticated;

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

revoke execute on all functions in schema private from public;
