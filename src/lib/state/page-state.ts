/**
 * SvelteKit's side of `UrlAccess`: the page's URL from `$app/state` (reactive) and `goto` to change it.
 * The state modules never import SvelteKit; pages hand them this.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { urlState, type UrlAccess, type UrlRules, type UrlShape } from '$lib/state/url';

export const kitUrl: UrlAccess = {
	search: () => page.url.searchParams,
	pathname: () => page.url.pathname,
	navigate(to, mode) {
		void goto(to, { replaceState: mode === 'replace', keepFocus: true, noScroll: true });
	}
};

/** The page's URL state over `defaults` (see `$lib/state/url`). */
export function pageState<T extends UrlShape>(defaults: T, rules: UrlRules<T> = {}) {
	return urlState(kitUrl, defaults, rules);
}
