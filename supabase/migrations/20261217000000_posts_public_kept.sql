-- Whether a post is public, kept on the post (issue 15: every public page uncached p95 <= 2x a bare page; a
-- community's page was the worst in the last `bench:pages`, 93.8 ms against 22.5, with 4.9 ms of Postgres per
-- request). The read policy of posts asked private.post_is_public() (a PL/pgSQL call with a join) for every
-- row it looked at, and the policies of post_communities and post_comments ask "is the post readable" as
-- `post_id in (select p.id from public.posts p)`: a hashed subplan that reads every post and calls the
-- function for each. A community page asks it twice (its posts, their authors), so each page paid one call
-- per visible post in the whole platform (19 in the seed; it grows with every post anywhere). In psql as anon
-- with auto_explain, those two subplans took 2.0 and 1.9 ms of the 9.2 ms of community_page() for Antwerpen
-- (11002).
--
-- Now:
-- - `posts.is_public`, kept by triggers on post_communities (a share added, moved or removed) and on
--   communities (a status change): true while the post is shared to an active community, which is what
--   private.post_is_public() answers. Nobody writes it but those triggers: it is left out of the insert
--   grant (the update grant names title and body only). Changing it does not touch `updated_at`.
-- - The public read policy of posts reads the column.
-- - post_communities and post_comments ask `exists` on the post's primary key instead of `in` all posts: per
--   row when a reader asks for one community's or one post's rows (the planner may still hash the readable
--   posts for a scan of the whole table, which is cheap now that the posts' policy reads a column).
-- - Two writers cannot leave the flag stale: a share's trigger locks the community against a status change,
--   and the flag is set with the post locked (two shares of one post removed at once: the second waits,
--   then sees both gone). An insert of a post starts it false whoever writes it (no share can exist yet).
-- - post_is_public() is no longer called by any policy: only the triggers and the search documents
--   (service_role) call it.
-- Who may read what is unchanged; tests/integration/db/posts.test.ts shows the flag following shares,
-- community status and two writers at once, and every policy allowing and denying;
-- tests/integration/db/schema-rules.test.ts checks the flag of every post in the database.

alter table public.posts add column is_public boolean not null default false;

comment on column public.posts.is_public is
	'True while the post is shared to an active community (private.post_is_public()); kept by triggers, written by nobody else. Read by the public read policy.';

-- The table-wide insert grant would cover the new column: grant the columns a post is written with instead.
revoke insert on public.posts from authenticated;
grant insert (
	id, author_id, kind, title, body, status, hidden_reason, hidden_by, hidden_at, created_at, updated_at
) on public.posts to authenticated;

/**
 * keep_post_public(posts)
 * Sets is_public of these posts to what post_is_public() says, touching only the rows that change. The
 * posts are locked first, and the flag is read in a statement of its own after the lock: a writer that
 * waited for another sees what that one committed.
 */
create function private.keep_post_public(p_post_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform 1 from public.posts p where p.id = any(p_post_ids) order by p.id for no key update;
	-- the rows whose flag is wrong, flipped
	update public.posts p set is_public = not p.is_public
	where p.id = any(p_post_ids) and p.is_public is distinct from private.post_is_public(p.id);
end;
$$;

comment on function private.keep_post_public(uuid[]) is
	'Sets posts.is_public of these posts to post_is_public(). For the triggers that keep it; owner only.';

/** After a share is added, moved or removed: its post (both posts when a share moved). */
create function private.post_communities_keep_public()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	shared_to uuid[] := '{}';
	shared uuid[] := '{}';
begin
	if tg_op <> 'DELETE' then
		shared_to := shared_to || new.community_id;
		shared := shared || new.post_id;
	end if;
	if tg_op <> 'INSERT' then
		shared_to := shared_to || old.community_id;
		shared := shared || old.post_id;
	end if;
	-- A status change of the community waits for this share's transaction, or this share for it.
	perform 1 from public.communities c where c.id = any(shared_to) order by c.id for share;
	perform private.keep_post_public(shared);
	return null;
end;
$$;

comment on function private.post_communities_keep_public() is
	'Trigger: keeps posts.is_public when a share is added, moved or removed.';

create trigger post_communities_keep_public
	after insert or delete or update of post_id, community_id on public.post_communities
	for each row execute function private.post_communities_keep_public();

/** After a community's status changed: every post shared to it. */
create function private.communities_keep_post_public()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.keep_post_public(array(
		select pc.post_id from public.post_communities pc where pc.community_id = new.id
	));
	return null;
end;
$$;

comment on function private.communities_keep_post_public() is
	'Trigger: keeps posts.is_public of the posts shared to a community whose status changed.';

create trigger communities_keep_post_public
	after update of status on public.communities
	for each row when (old.status is distinct from new.status)
	execute function private.communities_keep_post_public();

/** A new post is shared nowhere yet: not public, whatever the insert said. */
create function private.post_not_public_yet()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.is_public := false;
	return new;
end;
$$;

comment on function private.post_not_public_yet() is
	'Trigger: a new post starts with is_public false (its shares are inserted after it).';

create trigger posts_not_public_yet
	before insert on public.posts
	for each row execute function private.post_not_public_yet();

-- The flag is not an edit: a post shared or unshared keeps its updated_at.
drop trigger posts_set_updated_at on public.posts;
create trigger posts_set_updated_at
	before update on public.posts
	for each row when (old.is_public is not distinct from new.is_public)
	execute function private.set_updated_at();

update public.posts p set is_public = true where private.post_is_public(p.id);

alter policy "visible to anyone: visible posts of active communities" on public.posts
	using (status = 'visible' and is_public);

alter policy "everyone can read where readable posts are shared" on public.post_communities
	using (exists (select 1 from public.posts p where p.id = post_id));

alter policy "visible to anyone: visible comments on readable posts" on public.post_comments
	using (status = 'visible' and exists (select 1 from public.posts p where p.id = post_id));

revoke execute on function private.post_is_public(uuid) from anon, authenticated;

revoke execute on all functions in schema private from public;
