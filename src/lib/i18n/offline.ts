/**
 * The words of the app offline and of its updates: the badge when there is no network, the
 * announcement of a new version, a chart that could not load its drawing code. The compiler checks
 * that both languages have every key.
 */
export const offlineVi = {
	'offline.hint': 'Không có mạng: ứng dụng mở từ bản lưu trên máy này, với dữ liệu cuối cùng đã lưu ở đây.',
	// One line in both languages, as the offline badge: whoever uses the computer reads it.
	'offline.update': 'Có phiên bản mới — tải lại · A new version is available — reload',
	'offline.updateHint':
		'Phiên bản mới của Chỉ Số đã sẵn sàng. Tải lại trang để dùng; dữ liệu và buổi họp vẫn giữ nguyên.',
	'offline.reload': 'Tải lại',
	'offline.later': 'Để sau',
	'offline.chartFailed':
		'Chưa tải được phần vẽ biểu đồ (mất kết nối?). Biểu đồ sẽ hiện khi có mạng trở lại, hoặc tải lại trang.'
} as const;

export type OfflineKey = keyof typeof offlineVi;

export const offlineEn: Record<OfflineKey, string> = {
	'offline.hint': 'No network: the app opens from the copy on this computer, with the last data kept here.',
	'offline.update': 'Có phiên bản mới — tải lại · A new version is available — reload',
	'offline.updateHint':
		'A new version of Chỉ Số is ready. Reload the page to use it; your data and decks stay as they are.',
	'offline.reload': 'Reload',
	'offline.later': 'Later',
	'offline.chartFailed':
		'The chart drawing code could not be loaded (connection lost?). The chart shows when the network is back, or reload the page.'
};
