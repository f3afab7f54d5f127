-- Limits on signing in, registering and asking for a password-reset link, per client address and per
-- e-mail address, shared by every app instance. The auth service limits per client address too, but not
-- failed password sign-ins per e-mail address; the app asks here before it asks the auth service. The
-- limits themselves (how many, how long) are the app's: src/lib/server/auth/throttle.ts.

/**
 * auth_throttle
 * Attempts per bucket in fixed windows. A bucket is an action with a client address or an e-mail address
 * ("sign_in:email:sara@example.be"), stored only as its sha256. Rows go once their window is over. No
 * policies and no grants: only auth_throttle_hit() reads and writes it.
 */
create table public.auth_throttle (
	bucket bytea not null check (octet_length(bucket) = 32),
	window_start timestamptz not null,
	expires_at timestamptz not null,
	hits integer not null default 0 check (hits >= 0),
	primary key (bucket, window_start)
);

alter table public.auth_throttle enable row level security;

comment on table public.auth_throttle is
	'Attempts to sign in, register or recover a password per bucket (an action with a client or e-mail address, as sha256) in fixed windows. No policies, no grants: only auth_throttle_hit() uses it.';
comment on column public.auth_throttle.bucket is 'sha256 of the bucket key; the key itself is never stored.';
comment on column public.auth_throttle.window_start is 'Start of the fixed window (a multiple of its length since the epoch).';
comment on column public.auth_throttle.expires_at is 'End of the window; the row is deleted after it.';
comment on column public.auth_throttle.hits is 'Attempts counted in this window.';

create index auth_throttle_expires_at_idx on public.auth_throttle (expires_at);

revoke all on public.auth_throttle from public, anon, authenticated, service_role;

/**
 * auth_throttle_hit(buckets)
 * buckets: a JSON array of 1 to 8 objects {key, limit, window, count}: key a text of 1 to 512 characters,
 * limit 1 to 10000 attempts, window 1 to 86400 seconds, count (default true) whether this call is an
 * attempt in that bucket or only a check of it. Counts the buckets with count, then answers 0 when every
 * bucket is within its limit, else the seconds until the fullest window ends (for Retry-After). Buckets
 * are locked in the order of their hash, so two calls never wait on each other in a circle. Deletes up
 * to 200 rows whose window is over. Service role only.
 */
create function public.auth_throttle_hit(buckets jsonb)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	item record;
	started timestamptz;
	ends timestamptz;
	counted integer;
	wait integer := 0;
begin
	if jsonb_typeof(buckets) is distinct from 'array'
		or jsonb_array_length(buckets) not between 1 and 8 then
		raise exception using errcode = '22023', message = 'auth_throttle_buckets_invalid',
			hint = 'auth_throttle_buckets_invalid',
			detail = 'buckets must be an array of 1 to 8 objects';
	end if;

	for item in
		select sha256(convert_to(b.key, 'UTF8')) as bucket, b.key, b.max_hits, b.seconds, b.count
		from jsonb_array_elements(buckets) as e(value)
		cross join lateral (
			select
				e.value ->> 'key' as key,
				case when jsonb_typeof(e.value -> 'limit') = 'number' then (e.value ->> 'limit')::numeric end
					as max_hits,
				case when jsonb_typeof(e.value -> 'window') = 'number' then (e.value ->> 'window')::numeric end
					as seconds,
				coalesce((e.value ->> 'count')::boolean, true) as count
		) as b
		order by 1
	loop
		if item.key is null or length(item.key) not between 1 and 512
			or item.max_hits is null or item.max_hits not between 1 and 10000 or item.max_hits % 1 <> 0
			or item.seconds is null or item.seconds not between 1 and 86400 or item.seconds % 1 <> 0 then
			raise exception using errcode = '22023', message = 'auth_throttle_buckets_invalid',
				hint = 'auth_throttle_buckets_invalid',
				detail = 'each bucket needs a key of 1 to 512 characters, a whole limit of 1 to 10000 and a whole window of 1 to 86400 seconds';
		end if;

		started := to_timestamp(floor(extract(epoch from now()) / item.seconds) * item.seconds);
		ends := started + make_interval(secs => item.seconds);

		if item.count then
			insert into public.auth_throttle as t (bucket, window_start, expires_at, hits)
			values (item.bucket, started, ends, 1)
			on conflict (bucket, window_start) do update set hits = t.hits + 1
			returning t.hits into counted;
			if counted > item.max_hits then
				wait := greatest(wait, ceil(extract(epoch from ends - now()))::integer);
			end if;
		else
			select t.hits into counted
			from public.auth_throttle t
			where t.bucket = item.bucket and t.window_start = started;
			if coalesce(counted, 0) >= item.max_hits then
				wait := greatest(wait, ceil(extract(epoch from ends - now()))::integer);
			end if;
		end if;
	end loop;

	delete from public.auth_throttle t
	where (t.bucket, t.window_start) in (
		select o.bucket, o.window_start from public.auth_throttle o
		where o.expires_at <= now()
		limit 200
		for update skip locked
	);

	return greatest(wait, 0);
end;
$$;

comment on function public.auth_throttle_hit(jsonb) is
	'Counts an attempt in each bucket that asks for it and answers 0 when all are within their limits, else the seconds until the fullest window ends. Buckets: [{key, limit, window, count}]. Service role only.';

revoke execute on function public.auth_throttle_hit(jsonb) from public, anon, authenticated;
grant execute on function public.auth_throttle_hit(jsonb) to service_role;
