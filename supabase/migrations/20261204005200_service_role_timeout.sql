-- The service role's jobs (npm run import:activities, the search reindex) may run for up to a minute.
-- PostgREST runs every request under the authenticator's 8 s statement timeout unless the role it switches
-- to has a setting of its own (it applies the impersonated role's settings); people's requests keep theirs
-- (anon 3 s, authenticated 8 s). An import of 10 000 activities in one transaction needs a few seconds on an
-- idle machine and more than 8 on a loaded one, and all or nothing means it cannot be split.
alter role service_role set statement_timeout = '60s';

notify pgrst, 'reload config';
