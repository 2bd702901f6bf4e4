/**
 * The words of the browser's copy and of the workspace file: the storage line on the data page, a copy
 * set aside, downloading and opening everything in one file. A catalogue of its own; the compiler checks
 * that both languages have every key.
 */
export const keepVi = {
	'keep.storage': 'Lưu trữ trên máy này: {used} / {quota}',
	'keep.storageUnknown': 'Lưu trữ trên máy này: trình duyệt không cho biết dung lượng',
	'keep.persistent': 'được giữ lâu dài',
	'keep.notPersistent': 'trình duyệt có thể xoá khi thiếu chỗ',
	'keep.persistUnknown': 'chưa rõ có được giữ lâu dài không',
	'keep.asideTitle': 'Một bản sao dữ liệu trên máy này không mở được',
	'keep.asideText':
		'Bản sao này không đọc được nên đã được cất riêng lúc {time} và không bao giờ bị ghi đè; dữ liệu mẫu đang mở thay. Hãy tải bản sao về và gửi cho người quản trị.',
	'keep.asideDownload': 'Tải bản sao',
	'keep.asideDrop': 'Bỏ bản sao này',
	'keep.asideDropConfirm': 'Xoá hẳn bản sao đã cất riêng này khỏi máy? Hãy tải về trước nếu còn cần.',
	'keep.download': 'Tải toàn bộ dữ liệu',
	'keep.downloadHint':
		'Một tệp gồm số liệu, từ điển chỉ tiêu, danh sách đơn vị, lịch sử nhập và các buổi họp.',
	'keep.open': 'Mở tệp dữ liệu',
	'keep.openConfirm':
		'Mở tệp “{file}” ({rows} số liệu, {imports} lần nhập)? Toàn bộ dữ liệu đang có trên máy này sẽ được thay bằng dữ liệu trong tệp.',
	'keep.opened': 'Đã mở tệp “{file}”: {rows} số liệu.',
	'keep.refused': 'Không mở được tệp “{file}”: {reason}',
	'keep.working': 'Đang xử lý…',
	'keep.restoreTitle': 'Khôi phục từ tệp dữ liệu',
	'keep.restoreHint':
		'Thay toàn bộ dữ liệu trên máy chủ (số liệu, từ điển, danh sách đơn vị, lịch sử nhập) bằng một tệp “Tải toàn bộ dữ liệu”. Tệp được kiểm tra như mọi lần nhập; việc khôi phục được ghi vào nhật ký.',
	'keep.restoreChoose': 'Chọn tệp dữ liệu…',
	'keep.restoreConfirm':
		'Khôi phục từ “{file}” ({rows} số liệu, {imports} lần nhập)? Mọi người dùng sẽ thấy dữ liệu trong tệp thay cho dữ liệu hiện có trên máy chủ.',
	'keep.restored': 'Đã khôi phục từ “{file}”: phiên bản {version}, {rows} số liệu.'
} as const;

export type KeepKey = keyof typeof keepVi;

export const keepEn: Record<KeepKey, string> = {
	'keep.storage': 'Storage on this device: {used} / {quota}',
	'keep.storageUnknown': 'Storage on this device: the browser does not say how much',
	'keep.persistent': 'kept (persistent)',
	'keep.notPersistent': 'the browser may clear it when space runs short (not persistent)',
	'keep.persistUnknown': 'not known whether it is kept',
	'keep.asideTitle': 'A copy of the data on this device could not be opened',
	'keep.asideText':
		'This copy could not be read, so it was set aside at {time} and is never overwritten; the sample data opened instead. Download the copy and send it to your administrator.',
	'keep.asideDownload': 'Download the copy',
	'keep.asideDrop': 'Discard this copy',
	'keep.asideDropConfirm':
		'Delete this set-aside copy from this device for good? Download it first if you still need it.',
	'keep.download': 'Download workspace',
	'keep.downloadHint':
		'One file with the figures, the dictionary, the unit list, the import history and the decks.',
	'keep.open': 'Open workspace file',
	'keep.openConfirm':
		'Open “{file}” ({rows} figures, {imports} imports)? All the data on this device will be replaced by the data in the file.',
	'keep.opened': 'Opened “{file}”: {rows} figures.',
	'keep.refused': 'Could not open “{file}”: {reason}',
	'keep.working': 'Working…',
	'keep.restoreTitle': 'Restore from a workspace file',
	'keep.restoreHint':
		'Replace all the data on the server (figures, dictionary, unit list, import history) with a “Download workspace” file. The file is checked like any import; the restore is written to the audit log.',
	'keep.restoreChoose': 'Choose a workspace file…',
	'keep.restoreConfirm':
		'Restore from “{file}” ({rows} figures, {imports} imports)? Everyone will see the data in the file instead of what the server holds now.',
	'keep.restored': 'Restored from “{file}”: version {version}, {rows} figures.'
};
