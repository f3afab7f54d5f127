-- Teacher and volunteer profiles ("helpers"): what a person can help academies with (subjects, grades,
-- interests such as a guest lesson or hosting an academy in their classroom), when they are free week after
-- week, the school they teach at (confirmed by the school's admins), and who may see all this. Read by
-- /mensen/[id], edited at /profiel/leerkracht, and used by help_suggestions() for "wat kan ik hier doen"
-- (/helpen). Never holds data about children.
--
-- Visibility: a helper profile has its own visibility (public, communities, private) and is never shown
-- wider than the person's general profile (profiles.visibility): a public helper profile of a person whose
-- profile is for members only is read by signed-in people only, and a private profile hides the helper
-- profile from everyone but the person and network staff.

/**
 * helper_profiles
 * One row per person who wants to help: subjects, grades, interests, a short note, and who may read it.
 * Written by the person (save_helper_profile()), removed with the account.
 */
create table public.helper_profiles (
	user_id uuid primary key references auth.users (id) on delete cascade,
	subjects text[] not null default '{}',
	grades text[] not null default '{}',
	interests text[] not null default '{}',
	about text,
	visibility text not null default 'communities',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint helper_profiles_subjects_known check (
		subjects <@ array[
			'wiskunde', 'fysica', 'chemie', 'biologie', 'aardrijkskunde', 'informatica', 'techniek',
			'stem', 'wereldorientatie', 'elektromechanica', 'andere'
		]::text[]
		and array_position(subjects, null) is null
	),
	constraint helper_profiles_subjects_distinct check (private.has_distinct_elements(subjects)),
	constraint helper_profiles_grades_known check (
		grades <@ array[
			'kleuter', 'lager_1', 'lager_2', 'lager_3', 'secundair_1', 'secundair_2', 'secundair_3'
		]::text[]
		and array_position(grades, null) is null
	),
	constraint helper_profiles_grades_distinct check (private.has_distinct_elements(grades)),
	constraint helper_profiles_interests_known check (
		interests <@ array[
			'guest_lesson', 'host_academy', 'mentor', 'curriculum_link', 'open_school_day', 'coaching',
			'workshop'
		]::text[]
		and array_position(interests, null) is null
	),
	constraint helper_profiles_interests_distinct check (private.has_distinct_elements(interests)),
	constraint helper_profiles_about_length check (char_length(about) <= 500),
	constraint helper_profiles_visibility_known check (visibility in ('public', 'communities', 'private'))
);

alter table public.helper_profiles enable row level security;

comment on table public.helper_profiles is
	'What a teacher or volunteer can help academies with: subjects, grades, interests, a note, and who may read it (public, members of a community they share, or private). Never shown wider than the person''s profile visibility. One row per person, written by the person.';
comment on column public.helper_profiles.user_id is 'The person (auth.users.id); the row goes with the account.';
comment on column public.helper_profiles.subjects is 'Subjects taught or fields known: wiskunde, fysica, chemie, biologie, aardrijkskunde, informatica, techniek, stem, wereldorientatie, elektromechanica, andere.';
comment on column public.helper_profiles.grades is 'Grades taught: kleuter, lager_1..lager_3 (primary, per two years), secundair_1..secundair_3 (secondary degrees).';
comment on column public.helper_profiles.interests is 'How the person would help: guest_lesson, host_academy (in their classroom), mentor, curriculum_link, open_school_day, coaching, workshop.';
comment on column public.helper_profiles.about is 'What the person can help with, in their words, at most 500 characters.';
comment on column public.helper_profiles.visibility is 'Who may read it: public (anyone; signed-in people only when the profile is for members), communities (people who share a community), private (only the person and network staff). A private profile (profiles.visibility) hides it always.';
comment on column public.helper_profiles.created_at is 'When it was made.';
comment on column public.helper_profiles.updated_at is 'When it last changed.';

create index helper_profiles_visibility_idx on public.helper_profiles (visibility);
create index helper_profiles_interests_idx on public.helper_profiles using gin (interests);

create function private.normalise_helper_profile()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.about := nullif(btrim(new.about, E' \t\r\n'), '');
	return new;
end;
$$;

comment on function private.normalise_helper_profile() is 'Trigger: trims the note; an empty note is none.';

create trigger helper_profiles_normalise
	before insert or update on public.helper_profiles
	for each row execute function private.normalise_helper_profile();

create trigger helper_profiles_set_updated_at
	before update on public.helper_profiles
	for each row execute function private.set_updated_at();

/**
 * helper_slots
 * When a helper is free, week after week (like a room's slots). Readable with the helper profile; written
 * by the person.
 */
create table public.helper_slots (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references public.helper_profiles (user_id) on delete cascade,
	weekday integer not null,
	starts_at time not null,
	ends_at time not null,
	constraint helper_slots_weekday_range check (weekday between 1 and 7),
	constraint helper_slots_ends_after_start check (ends_at > starts_at),
	constraint helper_slots_no_duplicates unique (user_id, weekday, starts_at)
);

alter table public.helper_slots enable row level security;

comment on table public.helper_slots is
	'Weekly availability of a teacher or volunteer: weekday and hours. Readable whenever the helper profile is; written by the person.';
comment on column public.helper_slots.id is 'Identifier.';
comment on column public.helper_slots.user_id is 'The person (their helper profile).';
comment on column public.helper_slots.weekday is 'ISO weekday: 1 maandag ... 7 zondag.';
comment on column public.helper_slots.starts_at is 'From (local time).';
comment on column public.helper_slots.ends_at is 'Until (local time), after starts_at.';

create index helper_slots_weekday_idx on public.helper_slots (weekday);

create trigger helper_slots_check
	before insert or update on public.helper_slots
	for each row execute function private.check_weekly_slot();

/**
 * helper_school_links
 * The school a teacher says they teach at, and whether its admins confirmed it (pending, confirmed,
 * refused). Choosing another school starts a new pending link. Only a confirmed link is shown to others.
 */
create table public.helper_school_links (
	user_id uuid primary key references public.helper_profiles (user_id) on delete cascade,
	school_id uuid not null references public.organisations (id) on delete cascade,
	status text not null default 'pending',
	decided_by uuid references auth.users (id) on delete set null,
	decided_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint helper_school_links_status_known check (status in ('pending', 'confirmed', 'refused'))
);

alter table public.helper_school_links enable row level security;

comment on table public.helper_school_links is
	'The school a teacher teaches at, confirmed or refused by the school''s admins. Read by the person, the school''s admins, network staff, and (once confirmed) whoever may read the helper profile.';
comment on column public.helper_school_links.user_id is 'The teacher.';
comment on column public.helper_school_links.school_id is 'The school (an organisation of kind school).';
comment on column public.helper_school_links.status is 'pending (waiting for the school), confirmed or refused (by an admin of the school).';
comment on column public.helper_school_links.decided_by is 'The school admin who confirmed or refused.';
comment on column public.helper_school_links.decided_at is 'When the school decided.';
comment on column public.helper_school_links.created_at is 'When the teacher chose the school.';
comment on column public.helper_school_links.updated_at is 'When it last changed.';

create index helper_school_links_school_status_idx on public.helper_school_links (school_id, status);
create index helper_school_links_decided_by_idx on public.helper_school_links (decided_by);

create trigger helper_school_links_set_updated_at
	before update on public.helper_school_links
	for each row execute function private.set_updated_at();

/**
 * guard_school_link()
 * The person chooses the school (an organisation of kind school; a new choice is pending again); only an
 * admin of that school changes the status, and nobody but the person changes the school.
 */
create function private.guard_school_link()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if tg_op = 'INSERT' or new.school_id is distinct from old.school_id then
		if not exists (select 1 from public.organisations o where o.id = new.school_id and o.kind = 'school') then
			perform private.raise_rule('helper_school_links_school_is_school', 'school_id',
				'Kies een school die op het platform staat.', 'helper_school_links');
		end if;
		if v_uid is not null and v_uid <> new.user_id then
			raise exception using
				errcode = '42501', message = 'Alleen de leerkracht kiest de school.',
				hint = 'helper_school_links_school_by_person';
		end if;
		-- A new school decides anew, whatever status the row comes in with (the seed, without a person,
		-- writes confirmed links directly).
		if v_uid is not null then
			new.status := 'pending';
			new.decided_by := null;
			new.decided_at := null;
		end if;
	elsif new.status is distinct from old.status then
		if v_uid is not null and not private.is_org_admin(new.school_id) then
			raise exception using
				errcode = '42501', message = 'Alleen de beheerders van de school bevestigen een leerkracht.',
				hint = 'helper_school_links_decided_by_school';
		end if;
		new.decided_by := coalesce(v_uid, new.decided_by);
		new.decided_at := now();
	end if;
	return new;
end;
$$;

comment on function private.guard_school_link() is
	'Trigger on helper_school_links: the school must be a school organisation; a new school is pending again and only the person changes it (42501 helper_school_links_school_by_person); only an admin of the school changes the status (42501 helper_school_links_decided_by_school), recorded with who and when.';

create trigger helper_school_links_guard
	before insert or update on public.helper_school_links
	for each row execute function private.guard_school_link();

-- Who may read a helper profile -------------------------------------------------------------------------

/**
 * helper_profile_readable(user, visibility)
 * Whether the signed-in person (or an anonymous visitor) may read this person's helper profile with this
 * visibility, apart from the person themselves and staff: public when the general profile is public (or,
 * signed in, for members), communities when they share a community, never when the profile is private.
 * Security definer so that it reads the profile's visibility whatever the caller may read of it.
 */
create function private.helper_profile_readable(p_user_id uuid, p_visibility text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_profile_visibility text;
	v_signed_in boolean := (select auth.uid()) is not null;
begin
	select p.visibility into v_profile_visibility from public.profiles p where p.id = p_user_id;
	if v_profile_visibility is null or v_profile_visibility = 'private' then
		return false;
	end if;
	if p_visibility = 'public' then
		return v_profile_visibility = 'public' or v_signed_in;
	elsif p_visibility = 'communities' then
		return v_signed_in and private.shares_community(p_user_id);
	end if;
	return false;
end;
$$;

comment on function private.helper_profile_readable(uuid, text) is
	'Whether the caller may read a helper profile of this person with this visibility (besides the person and staff): public within the general profile''s visibility, communities to people who share a community, never for a private profile.';

grant execute on function private.helper_profile_readable(uuid, text) to anon, authenticated, service_role;

/**
 * links_to_my_school(user)
 * Whether this person links themselves to a school the signed-in person administers. Security definer:
 * the school links' own policies read helper_profiles, so a policy on helper_profiles cannot read them.
 */
create function private.links_to_my_school(p_user_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.helper_school_links l
		where l.user_id = p_user_id
			and l.school_id in (select private.my_organisation_ids())
			and private.is_org_admin(l.school_id)
	);
end;
$$;

comment on function private.links_to_my_school(uuid) is
	'True when the person links themselves (any status) to a school the signed-in person is owner or admin of. For the helper_profiles policy.';

grant execute on function private.links_to_my_school(uuid) to authenticated, service_role;

-- Policies ----------------------------------------------------------------------------------------------

create policy "people can read their own helper profile"
	on public.helper_profiles for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "network staff can read every helper profile"
	on public.helper_profiles for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "anyone can read the helper profiles shown to them"
	on public.helper_profiles for select
	to anon, authenticated
	using (visibility <> 'private' and private.helper_profile_readable(user_id, visibility));

create policy "school admins can read the profiles of teachers at their school"
	on public.helper_profiles for select
	to authenticated
	using (private.links_to_my_school(user_id));

-- A school admin must know who asks to be linked, also when that person's profile is for members only or
-- private: only the name and the rest of the profile of people who chose their school.
create policy "school admins can read the teachers choosing their school"
	on public.profiles for select
	to authenticated
	using (private.links_to_my_school(id));

create policy "people can create their own helper profile"
	on public.helper_profiles for insert
	to authenticated
	with check (user_id = (select auth.uid()));

create policy "people can change their own helper profile"
	on public.helper_profiles for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

create policy "people can remove their own helper profile"
	on public.helper_profiles for delete
	to authenticated
	using (user_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.helper_profiles from anon, authenticated;
grant insert (user_id, subjects, grades, interests, about, visibility) on public.helper_profiles to authenticated;
grant update (subjects, grades, interests, about, visibility) on public.helper_profiles to authenticated;
grant delete on public.helper_profiles to authenticated;

create policy "anyone can read the slots of the helper profiles they can read"
	on public.helper_slots for select
	to anon, authenticated
	using (exists (select 1 from public.helper_profiles h where h.user_id = helper_slots.user_id));

create policy "people can add their own slots"
	on public.helper_slots for insert
	to authenticated
	with check (user_id = (select auth.uid()));

create policy "people can change their own slots"
	on public.helper_slots for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

create policy "people can remove their own slots"
	on public.helper_slots for delete
	to authenticated
	using (user_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.helper_slots from anon, authenticated;
grant insert (user_id, weekday, starts_at, ends_at) on public.helper_slots to authenticated;
grant update (weekday, starts_at, ends_at) on public.helper_slots to authenticated;
grant delete on public.helper_slots to authenticated;

create policy "people can read their own school link"
	on public.helper_school_links for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "school admins can read the links to their school"
	on public.helper_school_links for select
	to authenticated
	using (school_id in (select private.my_organisation_ids()) and private.is_org_admin(school_id));

create policy "network staff can read every school link"
	on public.helper_school_links for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "anyone can read the confirmed school of a readable profile"
	on public.helper_school_links for select
	to anon, authenticated
	using (
		status = 'confirmed'
		and exists (select 1 from public.helper_profiles h where h.user_id = helper_school_links.user_id)
	);

create policy "people can link themselves to a school"
	on public.helper_school_links for insert
	to authenticated
	with check (user_id = (select auth.uid()));

create policy "people can change their own school"
	on public.helper_school_links for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

create policy "school admins can confirm or refuse the links to their school"
	on public.helper_school_links for update
	to authenticated
	using (school_id in (select private.my_organisation_ids()) and private.is_org_admin(school_id))
	with check (private.is_org_admin(school_id));

create policy "people can remove their own school link"
	on public.helper_school_links for delete
	to authenticated
	using (user_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.helper_school_links from anon, authenticated;
grant insert (user_id, school_id) on public.helper_school_links to authenticated;
grant update (school_id, status) on public.helper_school_links to authenticated;
grant delete on public.helper_school_links to authenticated;

-- Functions ---------------------------------------------------------------------------------------------

/**
 * save_helper_profile(profile, slots, school)
 * Saves the signed-in person's helper profile in one step: the profile (a JSON object with subjects,
 * grades, interests, about, visibility), its weekly slots (a JSON array of {weekday, starts_at, ends_at},
 * at most 50) and the school (null: none; the same school keeps its status; another one is pending).
 * Security invoker: the policies and triggers above decide; nothing is half-written.
 */
create function public.save_helper_profile(p_profile jsonb, p_slots jsonb default '[]', p_school_id uuid default null)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if v_uid is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om je profiel te bewaren.', hint = 'helper_profiles_sign_in';
	end if;
	if jsonb_typeof(p_slots) = 'array' and jsonb_array_length(p_slots) > 50 then
		raise exception using
			errcode = '22023', message = 'Geef hoogstens 50 momenten.', hint = 'helper_slots_at_most_50';
	end if;
	insert into public.helper_profiles as h (user_id, subjects, grades, interests, about, visibility)
	values (
		v_uid,
		coalesce(array(select jsonb_array_elements_text(p_profile -> 'subjects')), '{}'),
		coalesce(array(select jsonb_array_elements_text(p_profile -> 'grades')), '{}'),
		coalesce(array(select jsonb_array_elements_text(p_profile -> 'interests')), '{}'),
		p_profile ->> 'about',
		coalesce(p_profile ->> 'visibility', 'communities')
	)
	on conflict (user_id) do update set
		subjects = excluded.subjects,
		grades = excluded.grades,
		interests = excluded.interests,
		about = excluded.about,
		visibility = excluded.visibility;
	perform private.replace_weekly_slots('helper_slots', 'user_id', v_uid, p_slots);
	if p_school_id is null then
		delete from public.helper_school_links l where l.user_id = v_uid;
	else
		insert into public.helper_school_links as l (user_id, school_id)
		values (v_uid, p_school_id)
		on conflict (user_id) do update set school_id = excluded.school_id
		where l.school_id is distinct from excluded.school_id;
	end if;
end;
$$;

comment on function public.save_helper_profile(jsonb, jsonb, uuid) is
	'Saves the signed-in person''s helper profile, weekly slots (at most 50) and school (a new school is pending) in one step. Security invoker; 42501 helper_profiles_sign_in when not signed in.';

revoke execute on function public.save_helper_profile(jsonb, jsonb, uuid) from public, anon;
grant execute on function public.save_helper_profile(jsonb, jsonb, uuid) to authenticated, service_role;

/**
 * interest_request_kinds(interests), subject_domains(subjects), grade_ages(grades)
 * How a helper's profile meets a request: which request kinds each interest answers (a guest lesson or a
 * workshop is expertise, hosting an academy in a classroom is a venue, mentoring or coaching are
 * volunteers), which domains a subject covers, and the ages of the grades taught.
 */
create function private.interest_request_kinds(p_interest text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case p_interest
		when 'guest_lesson' then array['expertise']
		when 'host_academy' then array['venue']
		when 'mentor' then array['volunteers', 'expertise']
		when 'curriculum_link' then array['expertise']
		when 'coaching' then array['volunteers']
		when 'workshop' then array['expertise', 'volunteers']
		else array[]::text[]
	end;
$$;

comment on function private.interest_request_kinds(text) is
	'The request kinds a helper''s interest answers: guest_lesson, curriculum_link -> expertise; host_academy -> venue; mentor, workshop -> volunteers and expertise; coaching -> volunteers; open_school_day -> none.';

create function private.subject_domains(p_subject text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case p_subject
		when 'wiskunde' then array['wiskunde_natuurwetenschappen']
		when 'fysica' then array['wiskunde_natuurwetenschappen', 'sterrenkunde']
		when 'chemie' then array['wiskunde_natuurwetenschappen', 'life_sciences']
		when 'biologie' then array['natuur', 'life_sciences']
		when 'aardrijkskunde' then array['natuur', 'sterrenkunde']
		when 'informatica' then array['programmeren']
		when 'techniek' then array['techniek']
		when 'elektromechanica' then array['techniek']
		when 'stem' then array['techniek', 'programmeren', 'wiskunde_natuurwetenschappen']
		when 'wereldorientatie' then array['natuur', 'techniek']
		when 'andere' then array['andere']
		else array[]::text[]
	end;
$$;

comment on function private.subject_domains(text) is 'The STEM domains (as requests name them) a subject covers.';

create function private.grade_ages(p_grade text, out age_min integer, out age_max integer)
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case p_grade
			when 'kleuter' then 3 when 'lager_1' then 6 when 'lager_2' then 8 when 'lager_3' then 10
			when 'secundair_1' then 12 when 'secundair_2' then 14 when 'secundair_3' then 16
		end,
		case p_grade
			when 'kleuter' then 5 when 'lager_1' then 7 when 'lager_2' then 9 when 'lager_3' then 12
			when 'secundair_1' then 14 when 'secundair_2' then 16 when 'secundair_3' then 18
		end;
$$;

comment on function private.grade_ages(text) is 'The usual ages of the children in a grade.';

grant execute on function private.interest_request_kinds(text) to authenticated, service_role;
grant execute on function private.subject_domains(text) to authenticated, service_role;
grant execute on function private.grade_ages(text) to authenticated, service_role;

/**
 * help_suggestions(limit)
 * "Wat kan ik hier doen": the open requests (not past their deadline or last day) near the signed-in
 * person that their interests answer: in their home municipality or within 25 km of it, or in a place of
 * one of their communities. For each: the interests it answers, the distance, the first weekly window in
 * which they are free when the request needs them and how many minutes overlap, shared domains (from
 * their subjects), whether the ages meet their grades, and a rank with the matching's weights (kind 10,
 * distance 30, time 30, domains 15, ages 10); best first, at most p_limit (1..50). Security invoker: only
 * what the caller may read; none without a helper profile with interests.
 */
create function public.help_suggestions(p_limit integer default 20)
returns table (
	request_id uuid,
	organisation_id uuid,
	organisation_name text,
	request_kind text,
	title text,
	municipality_nis text,
	municipality_name text,
	distance_km double precision,
	in_my_community boolean,
	interests text[],
	request_slot_count integer,
	requested_minutes integer,
	overlap_minutes integer,
	overlap_weekday integer,
	overlap_starts time,
	overlap_ends time,
	request_domains text[],
	shared_domains text[],
	request_age_min integer,
	request_age_max integer,
	ages_fit boolean,
	deadline date,
	rank double precision
)
language sql
stable
security invoker
set search_path = ''
as $$
	with me as (
		select h.user_id, h.interests,
			array(select distinct d from unnest(h.subjects) s cross join unnest(private.subject_domains(s)) d) as domains,
			(select min(a.age_min) from unnest(h.grades) g cross join private.grade_ages(g) a) as age_min,
			(select max(a.age_max) from unnest(h.grades) g cross join private.grade_ages(g) a) as age_max,
			mu.lat, mu.lng, p.municipality_nis
		from public.helper_profiles h
		left join public.profiles p on p.id = h.user_id
		left join public.municipalities mu on mu.nis = p.municipality_nis
		where h.user_id = (select auth.uid())
	),
	places as (
		select cmu.municipality_nis
		from public.community_municipalities cmu
		where cmu.community_id in (select private.my_community_ids())
	),
	candidates as (
		select r.*,
			case when me.lat is null then null
				else (point(r.lng, r.lat) operator(extensions.<@>) point(me.lng, me.lat)) * 1.609344
			end as distance_km,
			r.municipality_nis in (select pl.municipality_nis from places pl) as in_my_community,
			array(
				select i from unnest(me.interests) i
				where r.kind = any (private.interest_request_kinds(i))
				order by array_position(me.interests, i)
			) as interests,
			me.domains as my_domains, me.age_min as my_age_min, me.age_max as my_age_max
		from me
		join public.requests r
			on r.status = 'open'
			and r.kind in (select unnest(private.interest_request_kinds(i)) from unnest(me.interests) i)
			and (r.deadline is null or r.deadline >= private.today_in_belgium())
			and (r.needed_until is null or r.needed_until >= private.today_in_belgium())
			and (
				r.municipality_nis = me.municipality_nis
				or r.municipality_nis in (select pl.municipality_nis from places pl)
				or (
					me.lat is not null
					and (point(r.lng, r.lat) operator(extensions.<@>) point(me.lng, me.lat)) * 1.609344 <= 25
				)
			)
	),
	facts as (
		select c.id, c.organisation_id, c.kind, c.title, c.municipality_nis, c.distance_km, c.in_my_community,
			c.interests, c.domains, c.age_min, c.age_max, c.deadline,
			t.slot_count, t.minutes as requested_minutes,
			coalesce(f.minutes, 0) as overlap_minutes, f.weekday, f.starts, f.ends,
			array(select d from unnest(c.domains) d where d = any (c.my_domains) order by d) as shared_domains,
			case
				when c.my_age_min is null or coalesce(c.age_min, c.age_max) is null then null
				else coalesce(c.age_min, 2) <= c.my_age_max and c.my_age_min <= coalesce(c.age_max, 25)
			end as ages_fit
		from candidates c
		cross join lateral (
			select count(*)::integer as slot_count,
				coalesce(sum(extract(epoch from q.ends_at - q.starts_at) / 60), 0)::integer as minutes
			from public.request_slots q
			where q.request_id = c.id
		) t
		left join lateral (
			select
				least(
					coalesce(sum(extract(epoch from least(s.ends_at, q.ends_at) - greatest(s.starts_at, q.starts_at)) / 60), 0),
					t.minutes
				)::integer as minutes,
				(array_agg(s.weekday order by s.weekday, greatest(s.starts_at, q.starts_at)))[1] as weekday,
				(array_agg(greatest(s.starts_at, q.starts_at) order by s.weekday, greatest(s.starts_at, q.starts_at)))[1]
					as starts,
				(array_agg(least(s.ends_at, q.ends_at) order by s.weekday, greatest(s.starts_at, q.starts_at)))[1]
					as ends
			from public.request_slots q
			join public.helper_slots s
				on s.user_id = (select auth.uid())
				and s.weekday = q.weekday
				and s.starts_at < q.ends_at
				and s.ends_at > q.starts_at
			where q.request_id = c.id
		) f on true
	)
	select x.id, x.organisation_id, g.name, x.kind, x.title, x.municipality_nis, m.name_nl, x.distance_km,
		x.in_my_community, x.interests, x.slot_count, x.requested_minutes, x.overlap_minutes, x.weekday,
		x.starts, x.ends, x.domains, x.shared_domains, x.age_min, x.age_max, x.ages_fit, x.deadline,
		10
			+ case when x.distance_km is null then (case when x.in_my_community then 15 else 0 end)
				else 30 / (1 + greatest(x.distance_km, 0) / 10) end
			+ case
				when x.slot_count = 0 or x.requested_minutes = 0 then 15
				else 30 * least(x.overlap_minutes::double precision / x.requested_minutes, 1)
			end
			+ case
				when cardinality(x.domains) = 0 then 7.5
				else 15 * cardinality(x.shared_domains)::double precision / cardinality(x.domains)
			end
			+ case when x.ages_fit is null then 5 when x.ages_fit then 10 else 0 end
			as rank
	from facts x
	join public.organisations g on g.id = x.organisation_id
	join public.municipalities m on m.nis = x.municipality_nis
	order by rank desc, x.distance_km nulls last, x.id
	limit least(greatest(coalesce(p_limit, 20), 1), 50);
$$;

comment on function public.help_suggestions(integer) is
	'"Wat kan ik hier doen": open requests near the signed-in person (home municipality, within 25 km, or a place of their communities) that their interests answer, with distance, overlapping free weekly window, shared domains and ages, ranked with the matching''s weights; at most p_limit (1..50). Security invoker.';

revoke execute on function public.help_suggestions(integer) from public, anon;
grant execute on function public.help_suggestions(integer) to authenticated, service_role;
