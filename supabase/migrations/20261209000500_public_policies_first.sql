-- The cheap public condition of a table is checked first (issue 15: signed-in pages p95 <= 2x a bare page;
-- the worst, a request with its suggestions, stood at exactly 2.00 on a quiet machine).
--
-- A table's permissive policies are ORed together, and PostgreSQL 17 writes that OR in the reverse order of
-- the policies' names (EXPLAIN as a signed-in member shows the filter of public.requests starting with "the
-- provider of an agreement can read its request", ending with "anyone can read open and in-progress
-- requests"). The executor stops at the first true term, but it evaluates the terms in that order: so for
-- every open request, a signed-in read first built the hashed lists of the caller's agreements and
-- organisations (a scan of agreements and calls of private.my_organisation_ids()) before finding the status
-- that any visitor may read. suggest_offers() reads the request and the offers that reach it that way.
--
-- Renamed so that the public condition sorts last and is evaluated first; nothing else changes (the same
-- policies with the same roles and expressions, so every caller reads the same rows). Measured in psql on the
-- seed as the demo coordinator, 3 alternating rounds of 200 calls each: request_view_page() for an open
-- request with its suggestions p50 5.24 / 4.54 / 4.85 ms before, 3.72 / 3.99 / 3.58 ms after.
-- schema-rules.test.ts checks the order in EXPLAIN, so a later policy that sorts after these shows up.

alter policy "anyone can read open and in-progress requests" on public.requests
	rename to "visible to anyone: open and in-progress requests";

alter policy "anyone can read active offers" on public.offers
	rename to "visible to anyone: active offers";

alter policy "anyone can read published and cancelled activities" on public.activities
	rename to "visible to anyone: published and cancelled activities";

alter policy "everyone can read active communities" on public.communities
	rename to "visible to anyone: active communities";

alter policy "everyone can read which organisations belong to a community" on public.community_members
	rename to "visible to anyone: which organisations belong to a community";

alter policy "anonymous visitors can read public profiles" on public.profiles
	rename to "visible to anonymous visitors: public profiles";

-- Here the public condition calls a function per row too, but the one it skips for every public row was
-- dearer: a signed-in read of a community's posts asked private.hosts_post() for each post first (with
-- track_functions on the seed, one community_page() of the demo coordinator made 46 calls of
-- private.hosted_community_ids() and 48 of is_network_staff(): 19.0 ms a call before, 9.5 after, against
-- 4.9 for an anonymous visitor).
alter policy "everyone can read visible posts of active communities" on public.posts
	rename to "visible to anyone: visible posts of active communities";

alter policy "everyone can read visible comments on readable posts" on public.post_comments
	rename to "visible to anyone: visible comments on readable posts";

alter policy "anyone can read the helper profiles shown to them" on public.helper_profiles
	rename to "visible to anyone: the helper profiles shown to them";
