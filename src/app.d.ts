// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** True in the server build (adapter-node, and `npm run dev`), false in the static one (vite.config.ts). */
	const __CHISO_SERVER__: boolean;
}

export {};
