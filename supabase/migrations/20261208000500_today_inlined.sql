-- private.today_in_belgium() had its own search_path, and a function with a SET clause is never inlined:
-- PostgreSQL ran it as a separate SQL function call for every row of a query that compares with it. At
-- 50 000 offers a request's suggestions called it ~4 500 times (the pairs' terms and deadlines; ~2 % of
-- the call, measured), and the views of current activities once per activity (issue 15). Without the SET clause it is inlined into the query as the expression
-- it is; every name in it is qualified, so the caller's search_path changes nothing, and it is not
-- security definer. Same answer. (create or replace sets the SET clauses anew: none.)
create or replace function private.today_in_belgium()
returns date
language sql
stable
parallel safe
as $$
	select (pg_catalog.now() at time zone 'Europe/Brussels')::pg_catalog.date;
$$;
