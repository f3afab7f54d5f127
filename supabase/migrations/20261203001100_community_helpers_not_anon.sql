-- Fix for 20261203000000_communities.sql: its policy helpers were created without revoking the default
-- execute grant to PUBLIC, so anonymous callers could run them (private.* is not exposed through the API,
-- but the rule is that helpers run only for the roles their policies serve). The policies that use them are
-- all `to authenticated`; the grants to authenticated and service_role stay as they were.
revoke execute on function private.my_community_ids() from public, anon;
revoke execute on function private.hosted_community_ids() from public, anon;
revoke execute on function private.is_community_member(uuid) from public, anon;
revoke execute on function private.is_community_host(uuid) from public, anon;
revoke execute on function private.is_blocked_from(uuid) from public, anon;
revoke execute on function private.shares_community(uuid) from public, anon;
