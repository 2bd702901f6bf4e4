/**
 * The words of kept answers: a page drawn from figures kept from an earlier visit says so until the
 * data has opened. A catalogue of its own; the compiler checks that both languages have every key.
 */
export const answersVi = {
	'answers.cached': 'Đang hiện số liệu đã lưu (phiên bản {n})'
} as const;

export type AnswersKey = keyof typeof answersVi;

export const answersEn: Record<AnswersKey, string> = {
	'answers.cached': 'Showing saved figures (version {n})'
};
