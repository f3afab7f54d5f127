-- Generic plans for the page and matching functions (issue 15).
-- A PL/pgSQL function keeps each statement's plan for the session, but a statement with parameters is
-- planned again for its own values on each of its first five runs, and after that whenever the generic plan
-- looks dearer than those did. These statements are large (CTEs over six tables, each with its policies)
-- and planning them cost more than running them: on the seed, one request's suggestions took 30 to 40 ms
-- a call, 3 to 4 ms with the plan kept; a municipality page 10 to 14 ms, 4 to 5 ms; an agreement 4 to 5 ms,
-- 1.5 ms (psql, one session, calls six and later). PostgREST's pooled connections run the same functions
-- again and again, so every call after a connection's first uses the kept plan. Their lookups are by key
-- or by the values the plan cannot know anyway (a point, a list of ids), so the generic plan is the one a
-- custom plan would choose; bench:matching measures it at 5 000 and 50 000 offers.
alter function private.match_suggestions(uuid, uuid, integer) set plan_cache_mode = force_generic_plan;
alter function private.free_windows(uuid[], uuid[]) set plan_cache_mode = force_generic_plan;
alter function public.municipality_page(text, date, double precision) set plan_cache_mode = force_generic_plan;
alter function public.agreement_page(uuid) set plan_cache_mode = force_generic_plan;
alter function public.my_agreements_page(integer, integer) set plan_cache_mode = force_generic_plan;
alter function public.organisation_offers_page(text, integer, integer) set plan_cache_mode = force_generic_plan;
alter function public.organisation_requests_page(text, integer, integer) set plan_cache_mode = force_generic_plan;
alter function public.organisation_request_page(text, uuid) set plan_cache_mode = force_generic_plan;
