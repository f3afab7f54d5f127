-- Academy profiles: what an academy covers (S, T, E, M and its accents), its domains, ages and languages.

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

revoke execute on all functions in schema private from public;
