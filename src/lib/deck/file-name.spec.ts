import { describe, expect, it } from 'vitest';
import { fileName, slugify } from './file-name';

describe('slugify', () => {
	it('strips Vietnamese diacritics and turns đ into d', () => {
		expect(slugify('Tỷ lệ xử lý đơn 2023')).toBe('ty-le-xu-ly-don-2023');
		expect(slugify('Đức Phổ — Giao ban quý IV/2024')).toBe('duc-pho-giao-ban-quy-iv-2024');
		expect(slugify('Nguyễn Nghiêm, Phổ Thạnh, Phổ Châu')).toBe('nguyen-nghiem-pho-thanh-pho-chau');
	});

	it('gives the same slug for NFC and NFD input', () => {
		const nfc = 'Hòa giải thành'.normalize('NFC');
		const nfd = nfc.normalize('NFD');
		expect(slugify(nfd)).toBe(slugify(nfc));
		expect(slugify(nfc)).toBe('hoa-giai-thanh');
	});

	it('keeps only letters and digits, with single hyphens and none at the ends', () => {
		expect(slugify('  ../../etc/passwd  ')).toBe('etc-passwd');
		expect(slugify('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
		expect(slugify('100 % — “tốt”!')).toBe('100-tot');
	});

	it('falls back when nothing readable is left, and cuts long titles at a word', () => {
		expect(slugify('—!?')).toBe('bieu-do');
		expect(slugify('', 'buoi-hop')).toBe('buoi-hop');
		const long = slugify('Tỷ lệ '.repeat(40));
		expect(long.length).toBeLessThanOrEqual(80);
		expect(long).not.toMatch(/-$/);
		expect(long.startsWith('ty-le-ty-le')).toBe(true);
	});

	it('makes file names', () => {
		expect(fileName('Tỷ lệ xử lý đơn 2023', 'png')).toBe('ty-le-xu-ly-don-2023.png');
		expect(fileName('', 'pptx', 'buoi-hop')).toBe('buoi-hop.pptx');
	});
});
