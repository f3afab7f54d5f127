// Paths the server built for this site ("/zoeken?q=…", "/activiteiten/<id>"), under the app's base path.
import { resolve } from '$app/paths';

export function sitePath(path: string): string {
	return `${resolve('/').replace(/\/$/, '')}${path}`;
}
