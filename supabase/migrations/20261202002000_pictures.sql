-- Pictures: organisation logos and activity photos in Supabase Storage. Two public buckets (anyone reads,
-- with a size and type limit), policies on storage.objects that let an organisation's people write only
-- under their organisation's folder, and the columns that say which picture a row shows.
--
-- A picture is stored in a few widths as WebP, one object per width: `<path>-<width>.webp`, where <path>
-- is what the row keeps (logo_path, photo_path). Logos live under `<organisation id>/`, activity photos
-- under `<organisation id>/<activity id>/`, so the first folder of every key names the organisation.

/**
 * private.storage_organisation_id(name)
 * The organisation a storage key belongs to: its first folder, when that is a uuid; null otherwise (a key
 * outside any organisation's folder, which no write policy allows).
 */
create function private.storage_organisation_id(p_name text)
returns uuid
language sql
immutable
set search_path = ''
as $$
	select case
		when (storage.foldername(p_name))[1] ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
			then (storage.foldername(p_name))[1]::uuid
	end;
$$;

comment on function private.storage_organisation_id(text) is
	'The organisation a storage key belongs to (its first folder as a uuid), or null.';

grant execute on function private.storage_organisation_id(text) to anon, authenticated, service_role;

/**
 * storage.buckets: organisation-logos, activity-photos
 * Public (anyone may fetch a file by its public URL); at most 5 MB; PNG, JPEG or WebP only. The app
 * uploads WebP it made itself; the other types are there for people who use the API directly.
 */
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
	('organisation-logos', 'organisation-logos', true, 5242880, array['image/png', 'image/jpeg', 'image/webp']),
	('activity-photos', 'activity-photos', true, 5242880, array['image/png', 'image/jpeg', 'image/webp'])
on conflict (id) do update set
	public = excluded.public,
	file_size_limit = excluded.file_size_limit,
	allowed_mime_types = excluded.allowed_mime_types;

-- Policies on storage.objects ------------------------------------------------------------------------

create policy "anyone can read organisation logos and activity photos"
	on storage.objects for select
	to anon, authenticated
	using (bucket_id in ('organisation-logos', 'activity-photos'));

create policy "owners and admins can add their organisation's logo"
	on storage.objects for insert
	to authenticated
	with check (
		bucket_id = 'organisation-logos'
		and private.is_org_admin(private.storage_organisation_id(name))
	);

create policy "owners and admins can replace their organisation's logo"
	on storage.objects for update
	to authenticated
	using (
		bucket_id = 'organisation-logos'
		and private.is_org_admin(private.storage_organisation_id(name))
	)
	with check (
		bucket_id = 'organisation-logos'
		and private.is_org_admin(private.storage_organisation_id(name))
	);

create policy "owners and admins can remove their organisation's logo"
	on storage.objects for delete
	to authenticated
	using (
		bucket_id = 'organisation-logos'
		and private.is_org_admin(private.storage_organisation_id(name))
	);

-- Activity photos follow the activities' own rule: every member of the academy edits its activities.
create policy "members can add photos to their academy's activities"
	on storage.objects for insert
	to authenticated
	with check (
		bucket_id = 'activity-photos'
		and private.is_org_member(private.storage_organisation_id(name))
	);

create policy "members can replace photos of their academy's activities"
	on storage.objects for update
	to authenticated
	using (
		bucket_id = 'activity-photos'
		and private.is_org_member(private.storage_organisation_id(name))
	)
	with check (
		bucket_id = 'activity-photos'
		and private.is_org_member(private.storage_organisation_id(name))
	);

create policy "members can remove photos of their academy's activities"
	on storage.objects for delete
	to authenticated
	using (
		bucket_id = 'activity-photos'
		and private.is_org_member(private.storage_organisation_id(name))
	);

-- Columns ----------------------------------------------------------------------------------------------

alter table public.organisations
	add column logo_path text,
	add constraint organisations_logo_path_format check (
		logo_path ~ ('^' || id::text || '/[a-z0-9-]{1,60}$')
	);

-- Its owners and admins set it (the existing policy on organisations decides who may update).
grant update (logo_path) on public.organisations to authenticated;

comment on column public.organisations.logo_path is
	'The logo in bucket organisation-logos, without width and extension: the files are <logo_path>-<width>.webp (128, 256, 512, square). Under the organisation''s own folder. Null: no logo.';

alter table public.activities
	add column photo_path text,
	add column photo_alt text,
	add constraint activities_photo_path_format check (
		photo_path ~ ('^' || organisation_id::text || '/' || id::text || '/[a-z0-9-]{1,60}$')
	),
	add constraint activities_photo_alt_length check (char_length(photo_alt) between 1 and 200),
	add constraint activities_photo_alt_trimmed check (photo_alt = btrim(photo_alt, E' \t\r\n'));

-- The academy's members set them (the existing policy on activities decides who may update).
grant update (photo_path, photo_alt) on public.activities to authenticated;

comment on column public.activities.photo_path is
	'The photo in bucket activity-photos, without width and extension: the files are <photo_path>-<width>.webp (480, 960, 1440, 3:2). Under <organisation id>/<activity id>/. Null: no photo.';
comment on column public.activities.photo_alt is
	'What the photo shows, for people who cannot see it; 1 to 200 characters, trimmed. Null: the photo only decorates.';

-- The public read models gain the picture columns (at the end: `create or replace view` only appends).
create or replace view public.academy_overview
with (security_invoker = true) as
	select
		o.id,
		o.slug,
		o.name,
		o.description,
		o.website,
		o.public_email,
		o.public_phone,
		o.street_address,
		o.postal_code,
		o.municipality_nis,
		m.name_nl as municipality_name,
		m.province_nis,
		m.province_nl,
		m.region,
		o.lat,
		o.lng,
		o.verification_status,
		o.created_at,
		o.updated_at,
		p.stem_letters,
		p.accent_letters,
		p.creative_link,
		p.domains,
		p.age_min,
		p.age_max,
		p.languages,
		p.officially_recognised,
		p.quality_label,
		coalesce(upcoming.activity_count, 0) as upcoming_activity_count,
		coalesce(upcoming.formats, '{}') as upcoming_formats,
		o.logo_path
	from public.organisations o
	join public.academy_profiles p on p.organisation_id = o.id
	join public.municipalities m on m.nis = o.municipality_nis
	left join lateral (
		select count(*)::integer as activity_count, array_agg(distinct a.format order by a.format) as formats
		from public.activities a
		where a.organisation_id = o.id and a.status = 'published'
			and a.end_date >= private.today_in_belgium()
	) upcoming on true
	where o.kind = 'academy';

comment on column public.academy_overview.logo_path is 'The academy''s logo in bucket organisation-logos (see organisations.logo_path).';

create or replace view public.public_activities
with (security_invoker = true) as
	select
		a.id,
		a.organisation_id,
		o.name as organisation_name,
		o.slug as organisation_slug,
		o.verification_status as organisation_verification_status,
		a.title,
		a.description,
		a.domains,
		a.format,
		a.age_min,
		a.age_max,
		a.start_date,
		a.end_date,
		a.session_count,
		a.venue_name,
		a.venue_address,
		a.municipality_nis,
		m.name_nl as municipality_name,
		m.province_nis,
		m.province_nl,
		m.region,
		a.lat,
		a.lng,
		a.capacity,
		a.price_eur,
		a.reduced_price_eur,
		a.registration_url,
		a.status,
		a.published_at,
		a.cancelled_at,
		a.photo_path,
		a.photo_alt
	from public.activities a
	join public.organisations o on o.id = a.organisation_id
	join public.municipalities m on m.nis = a.municipality_nis
	where a.status in ('published', 'cancelled');

comment on column public.public_activities.photo_path is 'The activity''s photo in bucket activity-photos (see activities.photo_path).';

revoke insert, update, delete, truncate on public.academy_overview from anon, authenticated;
revoke insert, update, delete, truncate on public.public_activities from anon, authenticated;
