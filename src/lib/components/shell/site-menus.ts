// The header's menus are <details> elements, so they open and close without JavaScript. With it, this
// attachment adds what a menu button is expected to do: Escape closes the open menu and puts the focus back
// on its button, a click or focus outside closes it, and opening one closes the others (also where the
// browser does not know <details name>).
import type { Attachment } from 'svelte/attachments';

const MENU = 'details[data-site-menu]';

function openMenus(root: HTMLElement): HTMLDetailsElement[] {
	return [...root.querySelectorAll<HTMLDetailsElement>(`${MENU}[open]`)];
}

/** Closes every open menu in `root` (after a navigation, say). */
export function closeMenus(root: HTMLElement): void {
	for (const menu of openMenus(root)) menu.open = false;
}

export const siteMenus: Attachment<HTMLElement> = (root) => {
	function onKeydown(event: KeyboardEvent) {
		// The search box uses Escape itself (to close its suggestions) and says so.
		if (event.key !== 'Escape' || event.defaultPrevented) return;
		const menus = openMenus(root);
		const menu = menus.find((candidate) => candidate.contains(document.activeElement)) ?? menus[0];
		if (!menu) return;
		menu.open = false;
		menu.querySelector('summary')?.focus();
	}

	function closeOutside(target: EventTarget | null) {
		for (const menu of openMenus(root)) {
			if (!(target instanceof Node) || !menu.contains(target)) menu.open = false;
		}
	}

	const onClick = (event: MouseEvent) => closeOutside(event.target);
	const onFocusIn = (event: FocusEvent) => closeOutside(event.target);

	function onToggle(event: Event) {
		const menu = event.target;
		if (!(menu instanceof HTMLDetailsElement) || !menu.matches(MENU) || !menu.open) return;
		for (const other of openMenus(root)) if (other !== menu) other.open = false;
	}

	document.addEventListener('keydown', onKeydown);
	document.addEventListener('click', onClick);
	document.addEventListener('focusin', onFocusIn);
	// toggle does not bubble: listen while it passes down.
	root.addEventListener('toggle', onToggle, true);
	return () => {
		document.removeEventListener('keydown', onKeydown);
		document.removeEventListener('click', onClick);
		document.removeEventListener('focusin', onFocusIn);
		root.removeEventListener('toggle', onToggle, true);
	};
};
