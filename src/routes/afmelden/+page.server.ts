import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ locals: { supabase } }) => {
		// Only this browser's session; other devices stay signed in.
		await supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/');
	}
} satisfies Actions;
