/**
 * The words of the shared workspace (server mode): who is signed in, new data from the server, offline,
 * a save someone else overtook. A catalogue of its own, so that vi.ts and en.ts stay short; the
 * compiler checks that both languages have every key.
 */
export const workspaceVi = {
	'ws.notice': 'Dữ liệu mới lúc {time} — {user}: {file}',
	'ws.noticeUndo': 'Dữ liệu mới lúc {time} — {user} hoàn tác: {file}',
	'ws.noticeShort': 'Dữ liệu mới lúc {time}',
	'ws.dismiss': 'Đóng',
	'ws.offline': 'Ngoại tuyến · Offline',
	'ws.offlineHint': 'Không liên lạc được với máy chủ: đang xem bản sao cuối cùng trên máy này, chỉ đọc.',
	'ws.logout': 'Đăng xuất',
	'ws.admin': 'Quản trị',
	'ws.importIntro':
		'Chọn một hoặc nhiều tệp CSV hoặc sổ Excel (.xlsx). Tệp được đọc và kiểm tra ngay trong trình duyệt; số liệu chỉ được gửi lên máy chủ của cơ quan khi bạn bấm “Lưu”.',
	'ws.role.admin': 'quản trị',
	'ws.role.staff': 'cán bộ',
	'ws.role.leader': 'lãnh đạo',
	'ws.conflict':
		'Trong lúc bạn xem, một người khác đã lưu dữ liệu. Khác biệt bên dưới đã được tính lại theo số liệu mới — hãy xem lại rồi bấm Lưu.',
	'ws.readOnly': 'Chỉ đọc: không lưu được khi ngoại tuyến.',
	'ws.leaderNoSave': 'Vai trò lãnh đạo chỉ xem số liệu; cán bộ nhập liệu mới lưu được.',
	'ws.undoKept': 'Đã hoàn tác. {n} ô đã được một lần nhập sau thay đổi nên giữ giá trị đó:',
	'ws.undoDone': 'Đã hoàn tác lần nhập #{id}.',
	'ws.by': 'Người nhập',
	'ws.undoneBy': 'hoàn tác bởi {user}',
	'undo.ask': 'Hoàn tác lần nhập #{id} ({file})?',
	'undo.counts':
		'Sẽ bỏ {removed} ô do lần nhập này thêm vào và trả lại giá trị cũ cho {restored} ô nó đã thay.',
	'undo.keptAhead': '{n} ô đã được một lần nhập sau sửa tiếp: các ô này giữ giá trị của lần nhập sau.',
	'undo.more': '… và {n} ô nữa.',
	'undo.cancel': 'Thôi',
	'ws.deckShare': 'Chia sẻ với cơ quan',
	'ws.deckShareHint':
		'Mọi người đăng nhập đều mở được buổi họp này (chỉ xem và trình chiếu), kể cả máy ở phòng họp.',
	'ws.deckOf': 'của {owner}',
	'ws.deckShared': 'đã chia sẻ',
	'ws.deckReadOnly':
		'Buổi họp của {owner}, chia sẻ với cơ quan: bạn xem, trình chiếu và xuất được, chỉ người tạo mới sửa được.'
} as const;

export type WorkspaceKey = keyof typeof workspaceVi;

export const workspaceEn: Record<WorkspaceKey, string> = {
	'ws.notice': 'New data at {time} — {user}: {file}',
	'ws.noticeUndo': 'New data at {time} — {user} undid: {file}',
	'ws.noticeShort': 'New data at {time}',
	'ws.dismiss': 'Close',
	'ws.offline': 'Ngoại tuyến · Offline',
	'ws.offlineHint': 'The server cannot be reached: this is the last copy kept on this computer, read-only.',
	'ws.logout': 'Log out',
	'ws.admin': 'Administration',
	'ws.importIntro':
		'Choose one or more CSV files or Excel workbooks (.xlsx). They are read and checked in your browser; the figures go to the office’s server only when you press “Save”.',
	'ws.role.admin': 'admin',
	'ws.role.staff': 'staff',
	'ws.role.leader': 'leader',
	'ws.conflict':
		'While you were looking, someone else saved data. The differences below were computed again against the new figures — look at them, then Save.',
	'ws.readOnly': 'Read-only: nothing can be saved while offline.',
	'ws.leaderNoSave': 'Leaders view the figures; staff members save imports.',
	'ws.undoKept': 'Undone. {n} cells were changed by a later import and keep that value:',
	'ws.undoDone': 'Import #{id} undone.',
	'ws.by': 'By',
	'ws.undoneBy': 'undone by {user}',
	'undo.ask': 'Undo import #{id} ({file})?',
	'undo.counts':
		'It will remove {removed} cells this import added and give {restored} cells it replaced their old value back.',
	'undo.keptAhead': '{n} cells were changed again by a later import: they keep the later import’s value.',
	'undo.more': '… and {n} more.',
	'undo.cancel': 'Cancel',
	'ws.deckShare': 'Share with the office',
	'ws.deckShareHint':
		'Everyone who signs in can open this deck (to view and present it), the meeting room’s laptop included.',
	'ws.deckOf': 'by {owner}',
	'ws.deckShared': 'shared',
	'ws.deckReadOnly':
		'A deck by {owner}, shared with the office: you can view, present and export it; only its owner changes it.'
};
