-- Retention in one place: how long the platform keeps data that only serves for a while, and the one function
-- the scheduled job (in the app server, or `npm run data:purge`) calls to delete what is older. The periods are
-- the ones the privacy page and the README ("Bewaartermijnen / retention") state.

/**
 * purge_expired_data()
 * Deletes notifications (read or not) 180 days after they were written, weekly digest records 180 days after
 * their week, sign-in throttle windows that have ended, and account deletion log rows after five years.
 * Returns per kind of data how long it is kept and how many rows went. Service role only.
 */
create function public.purge_expired_data()
returns table (data text, kept_for interval, deleted bigint)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	gone bigint;
begin
	delete from public.notifications n where n.created_at < now() - interval '180 days';
	get diagnostics gone = row_count;
	return query select 'notifications'::text, interval '180 days', gone;

	delete from public.notification_digests d where d.period_end < now() - interval '180 days';
	get diagnostics gone = row_count;
	return query select 'notification_digests'::text, interval '180 days', gone;

	delete from public.auth_throttle t where t.expires_at < now();
	get diagnostics gone = row_count;
	return query select 'auth_throttle'::text, interval '0', gone;

	delete from public.account_deletions d where d.deleted_at < now() - interval '5 years';
	get diagnostics gone = row_count;
	return query select 'account_deletions'::text, interval '5 years', gone;
end;
$$;

comment on function public.purge_expired_data() is
	'Service role only: deletes what is kept no longer than its retention period (notifications and digest records 180 days, ended sign-in throttle windows, account deletion log five years) and reports per kind of data how many rows went.';

revoke execute on function public.purge_expired_data() from public, anon, authenticated;
grant execute on function public.purge_expired_data() to service_role;
