// A row id in a path (/afspraken/<id>): anything else is "not found" before the database sees it.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
		param
	)) satisfies ParamMatcher;
