-- Belgian municipalities (NIS codes), current and merged: reference data every environment needs.
-- The rows themselves are loaded by the next migration, generated from supabase/data/municipalities.csv.

create extension if not exists pg_trgm with schema extensions;

/**
 * municipalities
 * Every Belgian municipality since 2019, one row per NIS code. A municipality that stopped existing
 * (the 2025 mergers) keeps its row with valid_to set and merged_into pointing at its successor, so old
 * addresses and old reports can still be mapped to a current municipality.
 * Readable by everyone, including anonymous visitors; nobody writes through the API.
 */
create table public.municipalities (
	nis text primary key check (nis ~ '^[0-9]{5}$'),
	name_nl text not null check (btrim(name_nl) <> ''),
	name_fr text not null check (btrim(name_fr) <> ''),
	province_nis text check (province_nis ~ '^[0-9]{5}$'),
	province_nl text,
	province_fr text,
	region text not null check (region in ('VLG', 'BRU', 'WAL')),
	arrondissement_nis text not null check (arrondissement_nis ~ '^[0-9]{5}$'),
	population_2020 integer check (population_2020 >= 0),
	lat double precision check (lat between 49 and 52),
	lng double precision check (lng between 2 and 7),
	valid_from date not null,
	valid_to date,
	merged_into text references public.municipalities (nis),
	constraint municipalities_province_matches_region check (
		(region = 'BRU') = (province_nis is null)
		and (province_nis is null) = (province_nl is null)
		and (province_nis is null) = (province_fr is null)
	),
	constraint municipalities_valid_period check (valid_to is null or valid_to >= valid_from),
	constraint municipalities_only_former_ones_merge check (merged_into is null or valid_to is not null),
	constraint municipalities_not_merged_into_itself check (merged_into is distinct from nis)
);

alter table public.municipalities enable row level security;

comment on table public.municipalities is
	'Every Belgian municipality since 2019 (NIS/REFNIS code), current and merged. Reference data: read by all, written only by migrations.';
comment on column public.municipalities.nis is 'NIS (REFNIS) code, 5 digits kept as text for the leading zeros.';
comment on column public.municipalities.name_nl is 'Official Dutch name.';
comment on column public.municipalities.name_fr is 'Official French name.';
comment on column public.municipalities.province_nis is 'NIS code of the province; null for the 19 Brussels municipalities.';
comment on column public.municipalities.province_nl is 'Dutch name of the province; null for Brussels.';
comment on column public.municipalities.province_fr is 'French name of the province; null for Brussels.';
comment on column public.municipalities.region is 'VLG (Flanders), BRU (Brussels-Capital) or WAL (Wallonia).';
comment on column public.municipalities.arrondissement_nis is 'NIS code of the administrative arrondissement.';
comment on column public.municipalities.population_2020 is 'Inhabitants on 1 January 2020; for a merged municipality the sum of its parts.';
comment on column public.municipalities.lat is 'Latitude (WGS84) of the centroid of the area.';
comment on column public.municipalities.lng is 'Longitude (WGS84) of the centroid of the area.';
comment on column public.municipalities.valid_from is 'First day the municipality exists in this form.';
comment on column public.municipalities.valid_to is 'Last day the municipality existed; null while it is current.';
comment on column public.municipalities.merged_into is 'For a former municipality: the NIS code of the municipality it merged into.';

-- Type-ahead on names (`name_nl ilike 'gen%'`, also `'%gent%'`): trigram indexes serve ilike in any position.
create index municipalities_name_nl_trgm_idx on public.municipalities using gin (name_nl extensions.gin_trgm_ops);
create index municipalities_name_fr_trgm_idx on public.municipalities using gin (name_fr extensions.gin_trgm_ops);
create index municipalities_province_nis_idx on public.municipalities (province_nis);
create index municipalities_merged_into_idx on public.municipalities (merged_into);
create index municipalities_current_idx on public.municipalities (nis) where valid_to is null;

create policy "anyone can read municipalities"
	on public.municipalities for select
	to anon, authenticated
	using (true);

-- No write policies, so RLS already denies writes; revoking the privileges says the same thing louder
-- (and TRUNCATE, which RLS does not cover).
revoke insert, update, delete, truncate on public.municipalities from anon, authenticated;

/**
 * current_municipalities
 * The municipalities that exist today: what people choose from and what maps colour in.
 */
create view public.current_municipalities
with (security_invoker = true) as
	select nis, name_nl, name_fr, province_nis, province_nl, province_fr, region,
		arrondissement_nis, population_2020, lat, lng, valid_from
	from public.municipalities
	where valid_to is null;

comment on view public.current_municipalities is
	'The municipalities that exist today (valid_to is null); 565 since the 2025 mergers.';

revoke insert, update, delete, truncate on public.current_municipalities from anon, authenticated;

/**
 * current_nis(nis)
 * Maps any NIS code, current or former, to the municipality that covers it today, following merged_into
 * as far as it goes. Returns null for an unknown code.
 */
create function public.current_nis(nis text)
returns text
language sql
stable
set search_path = ''
as $$
	with recursive chain as (
		select m.nis, m.merged_into, 0 as depth
		from public.municipalities m
		where m.nis = current_nis.nis
		union all
		select m.nis, m.merged_into, chain.depth + 1
		from chain
		join public.municipalities m on m.nis = chain.merged_into
		where chain.depth < 20
	)
	select chain.nis from chain order by chain.depth desc limit 1;
$$;

comment on function public.current_nis(text) is
	'The NIS code of the current municipality that a (possibly former) NIS code belongs to; null if unknown.';
