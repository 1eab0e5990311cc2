/**
 * CPU profiles of the answer loop (`PROFILE=1 npm run bench`): where the main thread's time goes
 * during the slow answers compared with the others. Reads a CDP `Profiler.Profile`.
 */
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	parent?: number;
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

const SYNC = 'benchClockSync';

export async function startProfile(cdp: CDPSession, page: Page): Promise<number> {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	// A busy function the profile can find, to line the profile's clock up with the page's.
	return page.evaluate<number>(`(function ${SYNC}() {
		const t = performance.now();
		while (performance.now() < t + 40) {}
		return t;
	})()`);
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
	await cdp.send('Profiler.disable');
	return profile;
}

const label = (n: ProfileNode) => {
	const file = n.callFrame.url.split('/').pop() || '';
	return `${n.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${n.callFrame.lineNumber + 1}` : ''}`;
};

/**
 * Self time by function (ms of wall time sampled), inside the page-time windows given and outside
 * them, and the inclusive time of a few functions named in `watch`.
 */
export function summarise(
	profile: CpuProfile,
	syncAt: number,
	windows: [number, number][],
	watch: string[] = []
) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
	const stackHas = (id: number, names: string[]): string | undefined => {
		for (let n = byId.get(id); n; n = n.parent === undefined ? undefined : byId.get(n.parent))
			if (names.includes(n.callFrame.functionName)) return n.callFrame.functionName;
		return undefined;
	};
	// Sample times in µs of the profile's clock.
	const times: number[] = [];
	let t = profile.startTime;
	for (const d of profile.timeDeltas) times.push((t += d));
	const firstSync = profile.samples.findIndex((id) => stackHas(id, [SYNC]));
	const offset = firstSync >= 0 ? (times[firstSync] as number) / 1000 - syncAt : NaN;
	const inside = new Map<string, number>();
	const outside = new Map<string, number>();
	const watched = new Map<string, number>();
	let insideTotal = 0;
	const sorted = [...windows].sort((a, b) => a[0] - b[0]);
	for (let i = 0; i < profile.samples.length; i++) {
		const id = profile.samples[i] as number;
		const at = (times[i] as number) / 1000 - offset;
		const dt = ((times[i + 1] ?? times[i]) as number) / 1000 - (times[i] as number) / 1000;
		const node = byId.get(id)!;
		const key = label(node);
		const isIn = sorted.some(([a, b]) => at >= a && at <= b);
		const into = isIn ? inside : outside;
		into.set(key, (into.get(key) ?? 0) + dt);
		if (isIn) {
			insideTotal += dt;
			const w = stackHas(id, watch);
			if (w) watched.set(w, (watched.get(w) ?? 0) + dt);
		}
	}
	const top = (m: Map<string, number>, n = 12) =>
		[...m.entries()]
			.filter(([k]) => k !== '(idle) ')
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
	return {
		synced: Number.isFinite(offset),
		windowMs: sorted.reduce((s, [a, b]) => s + b - a, 0),
		busyInWindows: insideTotal - (inside.get('(idle) ') ?? 0),
		inside: top(inside),
		outside: top(outside),
		watched: Object.fromEntries([...watched.entries()].map(([k, v]) => [k, Number(v.toFixed(1))]))
	};
}

/**
 * Self time by function over the whole profile (ms, idle left out), and the total busy time: for
 * short recordings such as opening the review (`PROFILE=4`: bench-results/open-*.cpuprofile).
 */
export function topSelf(profile: CpuProfile, n = 15) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i] as number);
		if (!node) continue;
		const key = label(node);
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
	}
	self.delete('(idle) ');
	const busy = [...self.values()].reduce((a, b) => a + b, 0);
	return {
		busyMs: Number(busy.toFixed(1)),
		top: [...self.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
	};
}
