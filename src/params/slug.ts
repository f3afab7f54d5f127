// An organisation's slug, in the shape the database allows (organisations_slug_format).
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string) =>
	param.length >= 3 &&
	param.length <= 80 &&
	/^[a-z0-9]+(-[a-z0-9]+)*$/.test(param)) satisfies ParamMatcher;
