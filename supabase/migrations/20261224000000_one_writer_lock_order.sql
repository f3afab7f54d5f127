-- The kept rows' one-writer locks (20261209000050: 'public.coverage' for the coverage figures,
-- 'private.request_reach' for matching's stored pairs) are taken before each statement on the tables they
-- keep rows for, so before that statement locks any row. Some paths locked rows first and only then ran
-- such a statement, so that another transaction holding the lock and wanting one of those rows made a cycle
-- that Postgres breaks by aborting one of the two (40P01, "deadlock detected"):
--   set_agreement_status()   locked the agreement and its request (select … for update), then updated the
--                            request (accept: open → in progress; withdraw: back to open). Someone saving
--                            that request at the same moment holds the lock and waits for the request row.
--   delete_own_account()     set the person's agreements' created_by to null (row locks) before setting
--                            their offers' and requests' created_by to null; it locked the organisations
--                            they own before updating organisations (the coverage lock). A request deleted
--                            at the same moment (its agreements go by cascade) or an owner editing one of
--                            those organisations holds the lock and waits for those rows.
--   deleting an organisation took the coverage lock and deleted the row, and only its cascade to offers and
--                            requests took the matching lock; someone saving an offer for it holds that
--                            lock and waits for the organisation's row (the new offer's foreign key).
--   deleting an auth user    (the app, after delete_own_account(), through the auth admin API) locked the
--                            user's row and then ran its foreign keys' cascades, which take the locks in
--                            the order of their triggers' names (OIDs compared as text: another database
--                            may run them in another order). Someone creating an organisation as that
--                            person holds the coverage lock and waits for the user's row (created_by).
-- Now each of them takes the locks it will need first, before any row: one order for everybody, the locks,
-- then the rows; 'public.coverage' before 'private.request_reach', as deleting an organisation takes them.
-- What it costs: these are a person's clicks, and they wait for as long as another writer of offers or
-- requests has its transaction open, as those writers wait for each other already.

/**
 * set_agreement_status(…): as before (20261203002500), with the matching lock taken first.
 */
create or replace function public.set_agreement_status(
	p_agreement_id uuid,
	p_status text,
	p_note text default null,
	p_given_sessions integer default null,
	p_given_hours integer default null,
	p_given_items integer default null,
	p_thank_you text default null
)
returns public.agreements
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if auth.uid() is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om een afspraak te wijzigen.', hint = 'agreement_sign_in';
	end if;
	if p_status is null or p_status not in ('accepted', 'declined', 'withdrawn', 'fulfilled') then
		raise exception using
			errcode = '22023',
			message = 'Een afspraak kan aanvaard, geweigerd, ingetrokken of uitgevoerd worden.',
			hint = 'agreements_status_known',
			column = 'status';
	end if;
	-- Before the agreement's and the request's rows: accepting and withdrawing update the request.
	if p_status in ('accepted', 'withdrawn') then
		perform pg_advisory_xact_lock(hashtext('private.request_reach'));
	end if;
	if exists (select 1 from public.agreements a where a.id = p_agreement_id and a.offer_id is null) then
		return private.set_help_agreement_status(p_agreement_id, p_status, p_note, p_given_sessions,
			p_given_hours, p_given_items, p_thank_you);
	end if;
	return private.set_organisations_agreement_status(p_agreement_id, p_status, p_note,
		p_given_sessions, p_given_hours, p_given_items, p_thank_you);
end;
$$;

/**
 * delete_own_account(): its body moves to private.delete_account_data(), unchanged; the public function
 * takes both one-writer locks and then calls it.
 */
alter function public.delete_own_account() rename to delete_account_data;
alter function public.delete_account_data() set schema private;
revoke execute on function private.delete_account_data() from public, anon, authenticated, service_role;

comment on function private.delete_account_data() is
	'The body of delete_own_account() (20261201004100), called by it once it holds the one-writer locks. Owner only.';

create function public.delete_own_account()
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
	if auth.uid() is not null then
		-- Before the person's agreements, organisations, offers and requests are locked.
		perform pg_advisory_xact_lock(hashtext('public.coverage'));
		perform pg_advisory_xact_lock(hashtext('private.request_reach'));
	end if;
	return private.delete_account_data();
end;
$$;

comment on function public.delete_own_account() is
	'Deletes the signed-in person''s profile, memberships, notifications (and their preferences and digests) and the safeguarding records naming them, anonymises what they wrote, logs it in account_deletions, all in one transaction. Refuses the last owner of an organisation (23514, hint account_last_owner). Idempotent: a repeated call answers already_deleted. The app deletes the auth user afterwards.';

revoke execute on function public.delete_own_account() from public, anon;
grant execute on function public.delete_own_account() to authenticated;

/**
 * Deleting an organisation: the matching lock too, before the statement deletes its row (after the
 * coverage lock, whose trigger's name sorts first: a statement's triggers run in the order of their names).
 */
create trigger organisations_request_reach_one_writer
	before delete on public.organisations
	for each statement execute function private.one_writer_at_a_time('private.request_reach');

/**
 * Deleting an auth user: both locks, in that order, before the statement locks the user's row and runs
 * the cascades.
 */
create trigger users_one_writer_1_coverage
	before delete on auth.users
	for each statement execute function private.one_writer_at_a_time('public.coverage');
create trigger users_one_writer_2_request_reach
	before delete on auth.users
	for each statement execute function private.one_writer_at_a_time('private.request_reach');
