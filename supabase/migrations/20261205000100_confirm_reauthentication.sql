-- Recovery from a lost authenticator: the app removes a person's second factors once they typed the code
-- GoTrue mailed them (GET /auth/v1/reauthenticate). GoTrue itself checks that code only with a password
-- change, so this function checks it the way GoTrue does (its hash: hex sha224 of address + code, younger
-- than the mail OTP lifetime of an hour) and uses it up. Only for the signed-in person (auth.uid()); five
-- wrong codes use the code up too, so guessing six digits is no way in.
create table if not exists private.reauthentication_attempts (
	user_id uuid primary key references auth.users (id) on delete cascade,
	failures integer not null default 0,
	token text not null
);
alter table private.reauthentication_attempts enable row level security;

create or replace function public.confirm_reauthentication(nonce text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
	person record;
	tries integer;
begin
	if auth.uid() is null or nonce is null or nonce !~ '^\d{6,10}$' then
		return false;
	end if;
	select id, email, reauthentication_token, reauthentication_sent_at into person
	from auth.users where id = auth.uid() for update;
	if person.id is null or coalesce(person.reauthentication_token, '') = ''
		or person.reauthentication_sent_at is null
		or person.reauthentication_sent_at < now() - interval '1 hour' then
		return false;
	end if;
	if person.reauthentication_token = encode(sha224(convert_to(person.email || nonce, 'UTF8')), 'hex') then
		update auth.users set reauthentication_token = '', reauthentication_sent_at = null where id = person.id;
		delete from private.reauthentication_attempts where user_id = person.id;
		return true;
	end if;
	insert into private.reauthentication_attempts as a (user_id, failures, token)
	values (person.id, 1, person.reauthentication_token)
	on conflict (user_id) do update
		set failures = case when a.token = excluded.token then a.failures + 1 else 1 end, token = excluded.token
	returning failures into tries;
	if tries >= 5 then
		update auth.users set reauthentication_token = '', reauthentication_sent_at = null where id = person.id;
		delete from private.reauthentication_attempts where user_id = person.id;
	end if;
	return false;
end;
$$;

revoke all on function public.confirm_reauthentication(text) from public, anon;
grant execute on function public.confirm_reauthentication(text) to authenticated;
