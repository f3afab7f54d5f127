-- The search triggers read only the columns they need from a statement's changed rows. They turned every
-- changed row into JSON first (to_jsonb of the whole row, then one array of all rows), which an import of
-- 10 000 activities paid for with most of its time (npm run bench:import): the ids and organisations are
-- now read from the transition tables by column name. Same arguments, same documents, same order.

/**
 * search_enqueue_changes(index, id column [, organisation column, watched columns, related index...])
 * As in 20261127004000_search_outbox.sql: statement-level, with transition tables (new_rows, old_rows).
 *   index, id column        the documents of `index` whose ids are in that column of the changed rows;
 *   organisation column,    also the documents of the related indexes about the rows' organisations: the
 *   watched columns,        organisation's own document for `organisations`, else the index's rows of
 *   related index...        that organisation. Inserted and deleted rows always count; an updated row only
 *                           when one of the watched columns (comma-separated) changed. The id column must
 *                           then identify a row.
 * Every document is enqueued in one order, by index and then by id (search_enqueue() sorts the ids).
 */
create or replace function private.search_enqueue_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	own_index text := tg_argv[0];
	id_column text := tg_argv[1];
	organisation_column text := tg_argv[2];
	watched text[] := string_to_array(tg_argv[3], ',');
	related text[] := tg_argv[4:];
	changed_rows text := case when tg_op = 'DELETE' then 'old_rows' else 'new_rows' end;
	organisations uuid[] := '{}';
	index_uid text;
	ids uuid[];
begin
	if organisation_column is not null and tg_op = 'UPDATE' then
		execute format(
			'select array(select n.%1$I::uuid from new_rows n join old_rows o on o.%2$I = n.%2$I where %3$s)',
			organisation_column,
			id_column,
			coalesce(
				(select string_agg(format('n.%1$I is distinct from o.%1$I', w.name), ' or ')
				 from unnest(watched) as w (name)),
				'false'
			)
		) into organisations;
	elsif organisation_column is not null then
		execute format('select array(select %I::uuid from %I)', organisation_column, changed_rows)
			into organisations;
	end if;

	foreach index_uid in array array(select distinct i from unnest(own_index || related) as i order by i) loop
		ids := '{}';
		if index_uid = own_index then
			execute format('select array(select %I::uuid from %I)', id_column, changed_rows) into ids;
		end if;
		if index_uid = any (related) and index_uid = 'organisations' then
			ids := ids || organisations;
		elsif index_uid = any (related) and cardinality(organisations) > 0 then
			execute format('select array(select t.id from public.%I t where t.organisation_id = any ($1))', index_uid)
				into strict ids using organisations;
		end if;
		perform private.search_enqueue(index_uid, ids);
	end loop;
	return null;
end;
$$;

comment on function private.search_enqueue_changes() is
	'Trigger (statement level): enqueues the search documents a change touches, from its arguments (index, id column, and optionally organisation column, watched columns and related indexes), all in one order (index, id). Reads only those columns of the transition tables.';

revoke execute on function private.search_enqueue_changes() from public;
