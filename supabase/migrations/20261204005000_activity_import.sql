-- Bulk import of activities with their reach reports (CSV or XLSX, read in src/lib/server/import/): every
-- activity an import made carries the file's own id for it, so that importing the same file again changes
-- nothing and a changed row updates the activity it made.

alter table public.activities add column import_id text;

alter table public.activities
	add constraint activities_import_id_length check (char_length(import_id) between 1 and 100),
	add constraint activities_import_id_trimmed check (import_id = btrim(import_id, E' \t\r\n')),
	-- Also the index the import looks rows up by. Activities made in the app have none (nulls differ).
	add constraint activities_import_id_key unique (organisation_id, import_id);

comment on column public.activities.import_id is
	'The id the academy''s own file gives the activity (column extern_id of an import), unique per academy; null for activities made in the app. Written only by import_activities().';

/**
 * import_activities(rows, dry run, organisation)
 * Imports parsed rows in one transaction: creates the activities whose (academy, import_id) is new,
 * updates those whose values differ and leaves the others alone (no write, so no updated_at and no search
 * outbox row), with their reach reports. The app has checked each row's own values (types, ranges, the
 * table's checks); this checks what only the database knows: the academy (by slug, network import), the
 * municipality (a current one, by NIS or by an unambiguous name), ids repeated in the file, status changes
 * an existing activity does not allow, and reach for an activity that has not started. Any row error:
 * nothing is written and the errors come back as {row, column, code}. A dry run only answers. The rows
 * are json, not jsonb: 10 000 of them are megabytes, which json only checks where jsonb builds a tree.
 *
 * p_organisation_id: the academy to import for (its members, or the service role); null for a network
 * import (network staff or the service role), where each row names its academy's slug in `academy`.
 * p_rows: [{row, import_id, academy, title, description, domains, format, age_min, age_max, start_date,
 * end_date, session_count, venue_name, venue_address, municipality_nis, municipality_name, lat, lng,
 * capacity, price_eur, status, participants, girls, disadvantaged, non_dutch_home_language,
 * special_needs}], at most 10 000.
 * Returns {created, updated, unchanged, errors: [{row, column, code}]}.
 */
create function public.import_activities(
	p_rows json,
	p_dry_run boolean default true,
	p_organisation_id uuid default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	v_service boolean := (select auth.role()) = 'service_role';
	v_errors jsonb;
	v_counts record;
begin
	if p_organisation_id is not null then
		if not v_service and not private.is_org_member(p_organisation_id) then
			raise exception using
				errcode = '42501', message = 'Je kunt alleen activiteiten importeren voor een academie waartoe je behoort.', hint = 'import_not_allowed';
		end if;
		if not exists (select 1 from public.organisations o where o.id = p_organisation_id and o.kind = 'academy') then
			raise exception using
				errcode = 'PT404', message = 'Die academie bestaat niet.', hint = 'import_academy_not_found';
		end if;
	elsif not v_service and not coalesce((select public.is_network_staff()), false) then
		raise exception using
			errcode = '42501', message = 'Alleen medewerkers van het netwerk kunnen voor meerdere academies importeren.', hint = 'import_network_staff_only';
	end if;
	if p_rows is null or json_typeof(p_rows) <> 'array' then
		raise exception using
			errcode = '22023', message = 'De rijen ontbreken.', hint = 'import_rows_array';
	end if;
	if json_array_length(p_rows) > 10000 then
		raise exception using
			errcode = '22023', message = 'Importeer hoogstens 10 000 rijen tegelijk.', hint = 'import_too_many_rows';
	end if;

	if to_regclass('pg_temp.import_rows') is not null then
		drop table pg_temp.import_rows;
	end if;
	create temp table import_rows on commit drop as
	with names as (
		-- A current municipality by its Dutch or French name; a name two municipalities share is ambiguous.
		select lower(n.name) as name, array_agg(distinct n.nis) as nis
		from (
			select m.nis, m.name_nl as name from public.municipalities m where m.valid_to is null
			union all
			select m.nis, m.name_fr from public.municipalities m where m.valid_to is null
		) n
		group by lower(n.name)
	),
	given as (
		select
			r.*,
			case when p_organisation_id is null then academy.id else p_organisation_id end as organisation_id,
			academy.id as academy_id,
			coalesce(nullif(btrim(r.municipality_nis), ''), case when cardinality(names.nis) = 1 then names.nis[1] end) as nis,
			cardinality(names.nis) as name_matches
		from json_to_recordset(p_rows) as r (
			"row" integer, import_id text, academy text, title text, description text, domains text[],
			format text, age_min integer, age_max integer, start_date date, end_date date, session_count integer,
			venue_name text, venue_address text, municipality_nis text, municipality_name text,
			lat double precision, lng double precision, capacity integer, price_eur numeric(8, 2), status text,
			participants integer, girls integer, disadvantaged integer, non_dutch_home_language integer,
			special_needs integer
		)
		left join public.organisations academy on academy.slug = r.academy and academy.kind = 'academy'
		left join names on names.name = lower(btrim(r.municipality_name))
	)
	select
		g."row", g.import_id, g.academy, g.academy_id, g.organisation_id, g.municipality_nis as given_nis,
		g.municipality_name, g.name_matches, m.nis as municipality_nis, m.valid_to as municipality_valid_to,
		btrim(g.title, E' \t\r\n') as title,
		btrim(replace(coalesce(g.description, ''), E'\r\n', E'\n'), E' \t\r\n') as description,
		g.domains, g.format, g.age_min, g.age_max, g.start_date, g.end_date,
		coalesce(g.session_count, 1) as session_count,
		nullif(btrim(g.venue_name, E' \t\r\n'), '') as venue_name,
		nullif(btrim(g.venue_address, E' \t\r\n'), '') as venue_address,
		case when g.lat is not null and g.lng is not null then g.lat else m.lat end as lat,
		case when g.lat is not null and g.lng is not null then g.lng else m.lng end as lng,
		g.capacity, coalesce(g.price_eur, 0) as price_eur,
		-- A cancelled activity stays cancelled; the file's status is then not a change.
		case when a.status = 'cancelled' then 'cancelled' else coalesce(g.status, 'published') end as status,
		g.participants, g.girls, g.disadvantaged, g.non_dutch_home_language, g.special_needs,
		a.id as activity_id, a.status as old_status,
		count(*) over (partition by g.organisation_id, g.import_id) as same_id,
		row_number() over (partition by g.organisation_id, g.import_id order by g."row") as nth,
		a.id is not null and (
			a.title, a.description, a.domains, a.format, a.age_min, a.age_max, a.start_date, a.end_date,
			a.session_count, a.venue_name, a.venue_address, a.municipality_nis, a.lat, a.lng, a.capacity,
			a.price_eur, a.status
		) is not distinct from (
			btrim(g.title, E' \t\r\n'),
			btrim(replace(coalesce(g.description, ''), E'\r\n', E'\n'), E' \t\r\n'),
			g.domains, g.format, g.age_min, g.age_max, g.start_date, g.end_date, coalesce(g.session_count, 1),
			nullif(btrim(g.venue_name, E' \t\r\n'), ''), nullif(btrim(g.venue_address, E' \t\r\n'), ''),
			m.nis,
			case when g.lat is not null and g.lng is not null then g.lat else m.lat end,
			case when g.lat is not null and g.lng is not null then g.lng else m.lng end,
			g.capacity, coalesce(g.price_eur, 0),
			case when a.status = 'cancelled' then 'cancelled' else coalesce(g.status, 'published') end
		) as activity_same,
		g.participants is null or (rr.participants, rr.girls, rr.disadvantaged, rr.non_dutch_home_language, rr.special_needs)
			is not distinct from (g.participants, g.girls, g.disadvantaged, g.non_dutch_home_language, g.special_needs)
			as reach_same
	from given g
	left join public.municipalities m on m.nis = g.nis
	left join public.activities a on a.organisation_id = g.organisation_id and a.import_id = g.import_id
	left join public.reach_reports rr on rr.activity_id = a.id;

	select coalesce(jsonb_agg(jsonb_build_object('row', e."row", 'column', e."column", 'code', e.code)
		order by e."row", e.code), '[]'::jsonb)
	into v_errors
	from (
		select r."row", 'academy' as "column",
			case when p_organisation_id is null then 'academy_unknown' else 'academy_other' end as code
		from pg_temp.import_rows r
		where nullif(btrim(r.academy), '') is not null
			and (r.academy_id is null or r.academy_id is distinct from coalesce(p_organisation_id, r.academy_id))
		union all
		select r."row", 'academy', 'academy_missing'
		from pg_temp.import_rows r
		where p_organisation_id is null and nullif(btrim(r.academy), '') is null
		union all
		select r."row", 'municipality_nis', 'municipality_unknown'
		from pg_temp.import_rows r
		where nullif(btrim(r.given_nis), '') is not null and r.municipality_nis is null
		union all
		select r."row", 'municipality_nis', 'municipality_merged'
		from pg_temp.import_rows r
		where nullif(btrim(r.given_nis), '') is not null and r.municipality_valid_to is not null
		union all
		select r."row", 'municipality_name',
			case when r.name_matches > 1 then 'municipality_name_ambiguous' else 'municipality_name_unknown' end
		from pg_temp.import_rows r
		where nullif(btrim(r.given_nis), '') is null and r.municipality_nis is null
		union all
		select r."row", 'import_id', 'import_id_missing'
		from pg_temp.import_rows r
		where r.import_id is null
		union all
		select r."row", 'import_id', 'import_id_repeated'
		from pg_temp.import_rows r
		where r.same_id > 1 and r.nth > 1 and r.organisation_id is not null and r.import_id is not null
		union all
		select r."row", 'status', 'status_published'
		from pg_temp.import_rows r
		where r.old_status = 'published' and r.status = 'draft'
		union all
		select r."row", 'participants', 'reach_not_reportable'
		from pg_temp.import_rows r
		where r.participants is not null
			and (r.status = 'draft' or r.start_date > private.today_in_belgium())
	) e;

	select
		count(*) filter (where r.activity_id is null) as created,
		count(*) filter (where r.activity_id is not null and not (r.activity_same and r.reach_same)) as updated,
		count(*) filter (where r.activity_id is not null and r.activity_same and r.reach_same) as unchanged
	into v_counts
	from pg_temp.import_rows r;

	if jsonb_array_length(v_errors) = 0 and not p_dry_run then
		insert into public.activities (
			organisation_id, import_id, title, description, domains, format, age_min, age_max, start_date,
			end_date, session_count, venue_name, venue_address, municipality_nis, lat, lng, capacity, price_eur,
			status
		)
		select
			r.organisation_id, r.import_id, r.title, r.description, r.domains, r.format, r.age_min, r.age_max,
			r.start_date, r.end_date, r.session_count, r.venue_name, r.venue_address, r.municipality_nis, r.lat,
			r.lng, r.capacity, r.price_eur, r.status
		from pg_temp.import_rows r
		where r.activity_id is null
		order by r."row";

		update public.activities a set
			title = r.title, description = r.description, domains = r.domains, format = r.format,
			age_min = r.age_min, age_max = r.age_max, start_date = r.start_date, end_date = r.end_date,
			session_count = r.session_count, venue_name = r.venue_name, venue_address = r.venue_address,
			municipality_nis = r.municipality_nis, lat = r.lat, lng = r.lng, capacity = r.capacity,
			price_eur = r.price_eur, status = r.status
		from pg_temp.import_rows r
		where a.id = r.activity_id and not r.activity_same;

		insert into public.reach_reports as rr (
			activity_id, participants, girls, disadvantaged, non_dutch_home_language, special_needs
		)
		select a.id, r.participants, r.girls, r.disadvantaged, r.non_dutch_home_language, r.special_needs
		from pg_temp.import_rows r
		join public.activities a on a.organisation_id = r.organisation_id and a.import_id = r.import_id
		where not r.reach_same
		order by a.id
		on conflict (activity_id) do update set
			participants = excluded.participants, girls = excluded.girls,
			disadvantaged = excluded.disadvantaged, non_dutch_home_language = excluded.non_dutch_home_language,
			special_needs = excluded.special_needs;
	end if;

	drop table pg_temp.import_rows;

	return jsonb_build_object(
		'created', v_counts.created, 'updated', v_counts.updated, 'unchanged', v_counts.unchanged,
		'errors', v_errors
	);
end;
$$;

comment on function public.import_activities(json, boolean, uuid) is
	'Imports activities with their reach reports for one academy (its members) or, with a null organisation, for the academies the rows name (network staff); the service role may do both. All or nothing; a dry run only answers. Returns {created, updated, unchanged, errors: [{row, column, code}]}.';

revoke execute on function public.import_activities(json, boolean, uuid) from public, anon;
grant execute on function public.import_activities(json, boolean, uuid) to authenticated, service_role;
