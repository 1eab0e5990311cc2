// The workload simulation in a Web Worker: ten simulated years of a collection take seconds on a
// phone, and the settings page must stay responsive meanwhile (and able to stop it).
import { computeWorkload, type Workload, type WorkloadInput } from '$lib/scheduler/workload';

export type WorkloadReply =
	{ progress: number; total: number } | { workload: Workload } | { error: string };

self.onmessage = (event: MessageEvent<WorkloadInput>) => {
	try {
		const workload = computeWorkload(event.data, (progress, total) =>
			self.postMessage({ progress, total } satisfies WorkloadReply)
		);
		self.postMessage({ workload } satisfies WorkloadReply);
	} catch (e) {
		self.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkloadReply);
	}
};
