-- The schema `private` and the helpers every later migration shares. PostgREST exposes only the schemas
-- in its db-schemas (public, graphql_public: supabase/config.toml, stack/parts/postgrest.js), so nothing
-- here is an RPC: only the functions the app calls stay in public. Policies, views, constraints and
-- security invoker functions call some of these helpers as the person asking, so those are granted to
-- the API's roles; every other function here is executable by nobody but its owner (trigger functions
-- need no grant to fire). Each migration ends with `revoke execute on all functions in schema private
-- from public`, so a new helper is callable only where a migration grants it.
--
-- Some helpers read tables that later migrations create (municipalities, organisations, memberships):
-- those are PL/pgSQL, whose statements are planned when they first run, not when they are created.

create schema private;

comment on schema private is
	'Helpers the API does not expose: shared checks, trigger functions, policy helpers, internal lookups. Not in PostgREST''s db-schemas.';

-- Policies and views name these helpers; the roles that run them must be able to look them up.
grant usage on schema private to anon, authenticated, service_role;

/**
 * raise_rule(constraint, column, message, table)
 * Raises a check violation with a Dutch message, naming the constraint and column it is about, for the
 * validation triggers that speak before the table's own check constraints do. The constraint's name also
 * goes in the hint, the one field of the error besides code, message and details that PostgREST passes
 * on: the stable code the app can map.
 */
create function private.raise_rule(p_constraint text, p_column text, p_message text, p_table text)
returns void
language plpgsql
set search_path = ''
as $$
begin
	raise exception using
		errcode = 'check_violation',
		message = p_message,
		hint = p_constraint,
		constraint = p_constraint,
		column = p_column,
		table = p_table,
		schema = 'public';
end;
$$;

comment on function private.raise_rule(text, text, text, text) is
	'Raises check_violation (23514) with a Dutch message and the constraint (also as the hint), column and table it is about. For validation triggers, which run as their owner.';

/**
 * set_updated_at()
 * Trigger for every table with an updated_at column.
 */
create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end;
$$;

comment on function private.set_updated_at() is 'Trigger: keeps updated_at at the time of the last change.';

/**
 * keep_column_unchanged()
 * Trigger for columns that are chosen once: refuses an update that changes the column named by the first
 * argument, with the Dutch message given as the second argument.
 */
create function private.keep_column_unchanged()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
	column_name text := tg_argv[0];
begin
	if (to_jsonb(new) -> column_name) is distinct from (to_jsonb(old) -> column_name) then
		raise exception using
			errcode = 'check_violation',
			message = coalesce(tg_argv[1], format('%s kan niet meer veranderen.', column_name)),
			hint = tg_table_name || '_' || column_name || '_fixed',
			column = column_name,
			table = tg_table_name,
			schema = tg_table_schema;
	end if;
	return new;
end;
$$;

comment on function private.keep_column_unchanged() is
	'Trigger: refuses a change of the column named by the first argument (message: the second argument; 23514, hint <table>_<column>_fixed).';

/**
 * has_distinct_elements(array)
 * For check constraints on array columns (a subquery is not allowed there).
 */
create function private.has_distinct_elements(elements anyarray)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
	select count(*) = count(distinct e) from unnest(elements) as e;
$$;

comment on function private.has_distinct_elements(anyarray) is
	'True when no element of the array occurs twice. Used by check constraints, which run as the person writing.';

/**
 * today_in_belgium()
 * The current date on Belgian clocks (the database itself runs in UTC).
 */
create function private.today_in_belgium()
returns date
language sql
stable
parallel safe
set search_path = ''
as $$
	select (pg_catalog.now() at time zone 'Europe/Brussels')::date;
$$;

comment on function private.today_in_belgium() is 'Today''s date in Belgium (Europe/Brussels), whatever the server''s time zone.';

/**
 * require_current_municipality()
 * Trigger for every table that points at a municipality: a new or changed reference must be a current
 * municipality. Rows that already point at a municipality that merged later stay valid until the
 * reference itself changes. The column name is the trigger argument (default municipality_nis).
 */
create function private.require_current_municipality()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
	column_name text := coalesce(tg_argv[0], 'municipality_nis');
	chosen text := to_jsonb(new) ->> column_name;
	chosen_row record;
	successor record;
begin
	if chosen is null then
		return new;
	end if;
	if tg_op = 'UPDATE' and chosen is not distinct from (to_jsonb(old) ->> column_name) then
		return new;
	end if;

	select m.nis, m.name_nl, m.valid_to into chosen_row from public.municipalities m where m.nis = chosen;
	-- An unknown code is left to the foreign key, which names the constraint.
	if not found or chosen_row.valid_to is null then
		return new;
	end if;

	select m.nis, m.name_nl into successor from public.municipalities m where m.nis = public.current_nis(chosen);
	raise exception using
		errcode = 'check_violation',
		message = format(
			'%s is sinds %s geen gemeente meer: kies %s, de gemeente waarin ze is opgegaan.',
			chosen_row.name_nl,
			to_char(chosen_row.valid_to + 1, 'DD/MM/YYYY'),
			coalesce(successor.name_nl, 'een huidige gemeente')
		),
		detail = format('Gemeente %s is opgegaan in %s.', chosen_row.nis, coalesce(successor.nis, '?')),
		hint = 'municipality_current',
		column = column_name,
		table = tg_table_name,
		schema = tg_table_schema;
end;
$$;

comment on function private.require_current_municipality() is
	'Trigger: a new or changed municipality reference must be a current municipality (error in Dutch, 23514, hint municipality_current). Argument: the column name.';

/**
 * fill_point_from_municipality()
 * Trigger for tables with municipality_nis, lat and lng: a row without an exact point gets the centroid
 * of its municipality, and moving to another municipality moves the point along unless a new point is
 * given in the same update.
 */
create function private.fill_point_from_municipality()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
	centroid record;
begin
	if tg_op = 'UPDATE' then
		if new.lat is not null and new.lng is not null
			and (new.municipality_nis is not distinct from old.municipality_nis
				or new.lat is distinct from old.lat
				or new.lng is distinct from old.lng) then
			return new;
		end if;
	elsif new.lat is not null and new.lng is not null then
		return new;
	end if;

	select m.lat, m.lng into centroid from public.municipalities m where m.nis = new.municipality_nis;
	if not found and new.municipality_nis is null then
		raise exception using
			errcode = 'not_null_violation',
			message = 'Kies een gemeente.',
			hint = tg_table_name || '_municipality_nis_given',
			column = 'municipality_nis',
			table = tg_table_name,
			schema = tg_table_schema;
	elsif not found then
		-- Raised here rather than left to the foreign key, which would come after the not-null check on lat.
		raise exception using
			errcode = 'foreign_key_violation',
			message = format('Gemeente %s bestaat niet.', new.municipality_nis),
			hint = tg_table_name || '_municipality_nis_fkey',
			column = 'municipality_nis',
			constraint = tg_table_name || '_municipality_nis_fkey',
			table = tg_table_name,
			schema = tg_table_schema;
	end if;
	new.lat := centroid.lat;
	new.lng := centroid.lng;
	return new;
end;
$$;

comment on function private.fill_point_from_municipality() is
	'Trigger: fills lat/lng with the municipality''s centroid when no exact point is given, and moves it along with the municipality.';

/**
 * require_academy()
 * Trigger for tables that only academies have rows in (academy profiles, activities, requests, volunteer
 * checks): the organisation in organisation_id must be of kind academy. Argument: the Dutch message.
 */
create function private.require_academy()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	organisation_kind text;
begin
	select o.kind into organisation_kind from public.organisations o where o.id = new.organisation_id;
	-- An unknown organisation is left to the foreign key.
	if found and organisation_kind <> 'academy' then
		raise exception using
			errcode = 'check_violation',
			message = coalesce(tg_argv[0], 'Dit kan enkel bij een academie.'),
			hint = tg_table_name || '_organisation_is_academy',
			column = 'organisation_id',
			table = tg_table_name,
			schema = tg_table_schema;
	end if;
	return new;
end;
$$;

comment on function private.require_academy() is
	'Trigger: the row''s organisation_id must be an organisation of kind academy (argument: the Dutch message).';

/**
 * check_weekly_slot()
 * Trigger for offer_slots and request_slots: a known weekday and an end after the start, in Dutch.
 */
create function private.check_weekly_slot()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.weekday is null or new.weekday not between 1 and 7 then
		perform private.raise_rule(tg_table_name || '_weekday_range', 'weekday',
			'Kies een dag van maandag tot zondag.', tg_table_name);
	elsif new.starts_at is not null and new.ends_at is not null and new.ends_at <= new.starts_at then
		perform private.raise_rule(tg_table_name || '_ends_after_start', 'ends_at',
			'Het einduur moet na het beginuur liggen.', tg_table_name);
	end if;
	return new;
end;
$$;

comment on function private.check_weekly_slot() is
	'Trigger: weekday 1 (maandag) to 7 (zondag) and ends_at after starts_at, with Dutch messages (23514).';

/**
 * org_role(organisation), is_org_member(organisation), is_org_admin(organisation)
 * The signed-in person's role in an organisation, for policies. org_role() is security definer so that
 * policies (also the ones on memberships itself) can ask without recursing into the memberships
 * policies; the other two only read its answer, and are plain SQL so that the planner inlines them into
 * the policy that calls them. Both answer false, never null, for someone who does not belong to it:
 * functions test them with `not`.
 */
create function private.org_role(p_organisation_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return (
		select ms.role
		from public.memberships ms
		where ms.organisation_id = p_organisation_id and ms.user_id = (select auth.uid())
	);
end;
$$;

comment on function private.org_role(uuid) is
	'The signed-in person''s role (owner, admin, member) in the organisation, or null when they do not belong to it.';

create function private.is_org_member(p_organisation_id uuid)
returns boolean
language sql
stable
as $$
	select private.org_role(p_organisation_id) is not null;
$$;

comment on function private.is_org_member(uuid) is
	'True when the signed-in person belongs to the organisation, in any role.';

create function private.is_org_admin(p_organisation_id uuid)
returns boolean
language sql
stable
as $$
	select coalesce(private.org_role(p_organisation_id) in ('owner', 'admin'), false);
$$;

comment on function private.is_org_admin(uuid) is
	'True when the signed-in person is owner or admin of the organisation.';

/**
 * my_organisation_ids()
 * Every organisation the signed-in person belongs to. Policies that read many rows use it as
 * `organisation_id in (select private.my_organisation_ids())`, a hashed subplan that runs once per query
 * instead of a function call per row.
 */
create function private.my_organisation_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return query
		select ms.organisation_id from public.memberships ms where ms.user_id = (select auth.uid());
end;
$$;

comment on function private.my_organisation_ids() is
	'The organisations the signed-in person belongs to (any role). For policies: organisation_id in (select private.my_organisation_ids()).';

revoke execute on all functions in schema private from public;
-- Checks and views run these as the person writing or reading.
grant execute on function private.has_distinct_elements(anyarray) to anon, authenticated, service_role;
grant execute on function private.today_in_belgium() to anon, authenticated, service_role;
-- Policies run these as the signed-in person.
grant execute on function private.org_role(uuid) to authenticated, service_role;
grant execute on function private.is_org_member(uuid) to authenticated, service_role;
grant execute on function private.is_org_admin(uuid) to authenticated, service_role;
grant execute on function private.my_organisation_ids() to authenticated, service_role;
