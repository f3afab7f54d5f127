-- A form that creates an activity carries the new activity's id, chosen when the form was shown, so a
-- double submit or a retried request inserts the same key twice and the second insert fails on the
-- primary key instead of making a second activity.

grant insert (id) on public.activities to authenticated;

comment on column public.activities.id is
	'The activity''s key. A creating form may choose it up front (a random uuid), which makes sending the form twice harmless.';
