/** The workspace file: one JSON file with everything the office entered (docs/workspace-file.md). */
export {
	buildWorkspaceFile,
	toSnapshot,
	FORMAT,
	WORKSPACE_FILE_VERSION,
	type WorkspaceFile,
	type WorkspaceParts
} from './format';
export { parseWorkspaceFile, FILE_MIGRATIONS, MAX_FILE_BYTES, type Checked, type Problem } from './parse';

/** The file's name on a given day: `chi-so-toan-bo-2026-12-04.json`. */
export function workspaceFileName(at: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `chi-so-toan-bo-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}.json`;
}
