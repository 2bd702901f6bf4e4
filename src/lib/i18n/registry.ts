/**
 * The words of the unit registry: where a unit went on 1 July 2025 and under which clause, the other
 * unit of the same code, units split among several new ones. A catalogue of its own (see workspace.ts).
 */
export const registryVi = {
	'reg.title': 'Sắp xếp đơn vị hành chính 01/7/2025',
	'reg.into': 'Toàn bộ nhập vào {unit}',
	'reg.partInto': 'Một phần nhập vào {unit}',
	'reg.from': 'Hình thành từ',
	'reg.part': 'một phần',
	'reg.clause': 'Theo Nghị quyết {resolution}, khoản {clause}',
	'reg.clauseNoNumber': 'Theo Nghị quyết {resolution}',
	'reg.sameCode': 'Mã {code} cũng là',
	'reg.until': 'đến {date}',
	'reg.since': 'từ {date}',
	'reg.splitApart': 'một phần của {list} — không phân bổ',
	'reg.scope': 'Phạm vi đơn vị',
	'reg.scopeHint':
		'Chọn tỉnh (mới) của cơ quan, và nếu cần thu hẹp theo huyện cũ. Mọi danh sách, xếp hạng, trung vị và “tất cả đơn vị” đều theo phạm vi này.',
	'reg.province': 'Tỉnh, thành phố',
	'reg.districts': 'Huyện, thị xã, thành phố cũ (bỏ trống: cả tỉnh)',
	'reg.firstUse':
		'Cơ quan của bạn theo dõi đơn vị nào? Dữ liệu mẫu là 15 phường, xã của thị xã Đức Phổ (nay thuộc tỉnh Quảng Ngãi).',
	'reg.firstUseChoose': 'Chọn tỉnh và huyện cũ',
	'reg.firstUseKeep': 'Giữ Đức Phổ',
	'reg.subtitle': '{place} — {n} xã, phường từ 01/7/2025 ({old} đơn vị trước đó)',
	'reg.apply': 'Áp dụng phạm vi',
	'reg.splitNote':
		'Đơn vị bị chia cho nhiều đơn vị mới được hiển thị riêng, không cộng vào đơn vị nào: {list}.',
	'reg.area.town': 'thị xã',
	'reg.area.district': 'huyện',
	'reg.area.city': 'thành phố',
	'reg.area.urban': 'quận',
	'reg.area.province': 'tỉnh',
	'reg.area.area': 'địa bàn'
} as const;

export type RegistryKey = keyof typeof registryVi;

export const registryEn: Record<RegistryKey, string> = {
	'reg.title': 'Reorganisation of administrative units, 1 July 2025',
	'reg.into': 'Wholly merged into {unit}',
	'reg.partInto': 'Partly merged into {unit}',
	'reg.from': 'Formed from',
	'reg.part': 'part',
	'reg.clause': 'Under Resolution {resolution}, clause {clause}',
	'reg.clauseNoNumber': 'Under Resolution {resolution}',
	'reg.sameCode': 'Code {code} is also',
	'reg.until': 'until {date}',
	'reg.since': 'from {date}',
	'reg.splitApart': 'part of {list}, not apportioned',
	'reg.scope': 'Scope of units',
	'reg.scopeHint':
		'Choose the office’s (new) province, and narrow it to former districts if needed. Every list, ranking, median and “all units” follows this scope.',
	'reg.province': 'Province',
	'reg.districts': 'Former districts (none: the whole province)',
	'reg.firstUse':
		'Which units does your office follow? The sample data is the 15 wards and communes of Đức Phổ (now in Quảng Ngãi province).',
	'reg.firstUseChoose': 'Choose the province and former districts',
	'reg.firstUseKeep': 'Keep Đức Phổ',
	'reg.subtitle': '{place} — {n} communes and wards from 1 July 2025 ({old} units before)',
	'reg.apply': 'Apply the scope',
	'reg.splitNote': 'Units split among several new ones are shown apart and added to none: {list}.',
	'reg.area.town': 'town',
	'reg.area.district': 'district',
	'reg.area.city': 'city',
	'reg.area.urban': 'urban district',
	'reg.area.province': 'province',
	'reg.area.area': 'area'
};
