import { serverContext } from '$lib/server/context';
import { api, ApiError, json, readJson, requireRole } from '$lib/server/http';
import { restoreWorkspace } from '$lib/server/store';
import { parseWorkspaceFile } from '$lib/workspace-file';
import type { RequestHandler } from './$types';

/**
 * Restores the whole workspace from a workspace file (admin only). The file is checked like any import
 * (parseWorkspaceFile) before anything changes; then one transaction replaces everything and raises
 * the version. 200 with the new version; 422 with a message in both languages when the file is refused.
 */
export const POST: RequestHandler = api(async (event) => {
	const user = requireRole(event, 'admin');
	const ctx = await serverContext();
	const checked = await parseWorkspaceFile(await readJson(event.request, ctx.config.bodyLimit));
	if (!checked.ok) throw new ApiError(422, 'workspace_file_refused', checked.problem.vi, checked.problem.en);
	const name = fileName(event.request.headers.get('x-chiso-file-name'));
	const res = await restoreWorkspace(ctx.database, { userId: user.id, file: checked.file, name });
	ctx.changes.local(res.version);
	return json(res);
});

/** The file's name as the page sent it (URI-encoded: headers carry no Vietnamese letters), for the log. */
function fileName(header: string | null): string {
	try {
		return decodeURIComponent(header ?? '').slice(0, 300);
	} catch {
		return '';
	}
}
