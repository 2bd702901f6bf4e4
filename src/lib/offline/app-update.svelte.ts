/**
 * The page's side of the service worker (src/service-worker.ts): registers it, says whether the
 * network is there, tells it to keep the database engine once the app has used it, and announces a new
 * version of the app — which waits until the person reloads (`reload()`), never switching by itself.
 */
import { MESSAGE } from './plan';

/** A page left open all day still hears of a new version: asked again when it comes back into view. */
const CHECK_EVERY_MS = 30 * 60 * 1000;

class AppUpdate {
	/** A new version of the app is ready: the page offers to reload. */
	available = $state(false);
	/** The browser says it has a network (navigator.onLine). */
	online = $state(true);
	private registration: ServiceWorkerRegistration | null = null;
	private registering = false;
	private reloading = false;

	/** Once, from the layout: follow the network, and register the worker (built app, secure origin only). */
	start(register: boolean) {
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		if (!register || !('serviceWorker' in navigator) || !isSecureContext) return;
		this.registering = true;
		const container = navigator.serviceWorker;
		// The first version taking this page over changes nothing; a later one means this page runs old code.
		let served = !!container.controller;
		container.addEventListener('controllerchange', () => {
			// This page asked for the new version: load it. Another tab did: say that this one is old.
			if (this.reloading) location.reload();
			else if (served) this.available = true;
			served = true;
		});
		container
			.register('/service-worker.js')
			.then((reg) => (reg ? this.follow(reg) : undefined))
			.catch((e) => console.warn('service worker not registered:', e));
	}

	private follow(reg: ServiceWorkerRegistration) {
		this.registration = reg;
		// Only an update waits: the first version has no page under it to displace.
		const waiting = (worker: ServiceWorker | null) => {
			if (!worker) return;
			const check = () => {
				if (worker.state === 'installed' && navigator.serviceWorker.controller) this.available = true;
			};
			check();
			worker.addEventListener('statechange', check);
		};
		waiting(reg.waiting);
		waiting(reg.installing);
		reg.addEventListener('updatefound', () => waiting(reg.installing));
		let asked = Date.now();
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState !== 'visible' || Date.now() - asked < CHECK_EVERY_MS) return;
			asked = Date.now();
			reg.update().catch(() => undefined);
		});
	}

	/** The app has opened its database: the worker keeps the engine file for next time (offline). */
	keepEngine() {
		if (!this.registering) return;
		void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: MESSAGE.keepEngine }));
	}

	/** Switch to the waiting version and load it. */
	reload() {
		const waiting = this.registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		this.reloading = true;
		waiting.postMessage({ type: MESSAGE.skipWaiting });
	}
}

export const appUpdate = new AppUpdate();
