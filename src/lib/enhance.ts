// Progressive enhancement for forms with passwords: behave like the no-JS page, which never echoes them.
import type { SubmitFunction } from '@sveltejs/kit';

export const clearPasswordsOnFailure: SubmitFunction =
	({ formElement }) =>
	async ({ result, update }) => {
		if (result.type === 'failure') {
			for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type=password]')) {
				input.value = '';
			}
		}
		await update();
	};
