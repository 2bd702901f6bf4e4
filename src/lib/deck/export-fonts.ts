/**
 * The bundled font's files, for embedding in exported SVG (so Vietnamese reads right in any viewer):
 * the Vietnamese and Latin subsets of the weights the charts use, with the unicode ranges of
 * @fontsource/be-vietnam-pro's own CSS. Vite serves them from the app's origin; nothing is fetched
 * from anywhere else.
 */
import vi400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vi600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import vi700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';
import type { EmbeddedFont } from '$lib/deck/export-image';

const VIETNAMESE =
	'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';
const LATIN =
	'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

export const EXPORT_FONTS: readonly EmbeddedFont[] = [
	{ weight: '400', unicodeRange: VIETNAMESE, url: vi400 },
	{ weight: '400', unicodeRange: LATIN, url: latin400 },
	{ weight: '600', unicodeRange: VIETNAMESE, url: vi600 },
	{ weight: '600', unicodeRange: LATIN, url: latin600 },
	{ weight: '700', unicodeRange: VIETNAMESE, url: vi700 },
	{ weight: '700', unicodeRange: LATIN, url: latin700 }
];
