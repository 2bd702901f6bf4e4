/**
 * The words of the phone layout: the menu button that opens the list of pages on a narrow screen.
 * A catalogue of its own, so that vi.ts and en.ts stay short; the compiler checks both languages.
 */
export const phoneVi = {
	'phone.menu': 'Menu',
	'phone.menuOpen': 'Mở danh sách trang',
	'phone.menuClose': 'Đóng danh sách trang',
	'phone.pages': 'Các trang'
} as const;

export type PhoneKey = keyof typeof phoneVi;

export const phoneEn: Record<PhoneKey, string> = {
	'phone.menu': 'Menu',
	'phone.menuOpen': 'Open the list of pages',
	'phone.menuClose': 'Close the list of pages',
	'phone.pages': 'Pages'
};
