-- The rows that statement triggers keep (coverage_activity_counts, 20261207000100; coverage_nearest,
-- 20261207000150) are written again from each transaction's own snapshot: a delete of the old rows, then an
-- insert of the new. Two transactions at once got in each other's way. Measured on the local stack: two
-- transactions publishing an activity in the same school year, the second while the first was still open, or
-- two adding a counted academy: the second failed with 23505 (coverage_activity_counts_pkey,
-- coverage_nearest_pkey) once the first committed; its delete could not see the first's new rows, its insert
-- collided with them. A person publishing an activity or registering an academy at the same moment as
-- someone else got an error.
--
-- Now each statement on a table whose triggers keep such rows first waits for the transactions that wrote the
-- same kept rows before it to end (a transaction-level advisory lock per kind of kept rows, taken before the
-- statement's rows are locked): its triggers then read what those transactions committed. What it costs: the
-- writes of one table (activities, say) wait for each other for as long as one of their transactions is
-- open; on this platform they are people's edits, and imports, not a stream.

/**
 * one_writer_at_a_time(), before each statement: the transaction holds the lock named by the trigger's
 * argument until it ends (pg_advisory_xact_lock; taking it again in the same transaction does not wait).
 */
create function private.one_writer_at_a_time()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform pg_advisory_xact_lock(hashtext(tg_argv[0]));
	return null;
end;
$$;

comment on function private.one_writer_at_a_time() is
	'Before a statement on a table whose triggers keep rows elsewhere: waits for the other transactions that write the same kept rows (advisory lock named by the trigger''s argument), until this transaction ends.';

revoke execute on function private.one_writer_at_a_time() from public;

create trigger activities_coverage_one_writer
	before insert or update or delete or truncate on public.activities
	for each statement execute function private.one_writer_at_a_time('public.coverage_activity_counts');
create trigger organisations_coverage_one_writer
	before insert or update or delete or truncate on public.organisations
	for each statement execute function private.one_writer_at_a_time('public.coverage_nearest');
-- A municipality's change rewrites both.
create trigger municipalities_coverage_one_writer_1
	before insert or update or delete or truncate on public.municipalities
	for each statement execute function private.one_writer_at_a_time('public.coverage_activity_counts');
create trigger municipalities_coverage_one_writer_2
	before insert or update or delete or truncate on public.municipalities
	for each statement execute function private.one_writer_at_a_time('public.coverage_nearest');
