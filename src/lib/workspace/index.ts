/**
 * The workspace this build talks to. The mode is fixed when the app is built (`__CHISO_SERVER__`,
 * set in vite.config.ts: true unless CHISO_STATIC, i.e. the adapter-node build and `npm run dev`), not
 * found out by asking `/api/health` at start-up: a probe would cost a round trip before anything opens,
 * and offline — when it cannot answer — it would take a server build for a local one and show the
 * bundled sample instead of the office's last copy. The build knows what it is.
 */
import { localWorkspace } from './local';
import { serverWorkspace } from './server';
import type { Workspace } from './workspace';

export type * from './workspace';
export { Offline } from './server';

export const SERVER_MODE: boolean = __CHISO_SERVER__;

export const workspace: Workspace = SERVER_MODE ? serverWorkspace() : localWorkspace();
