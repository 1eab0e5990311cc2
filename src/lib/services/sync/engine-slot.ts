// The one engine a running sync has at a time. Reconnecting (back online) makes a fresh engine,
// since PouchDB's replication waits out its back-off; the old one must be stopped and wound down
// first: two engines would replicate into one replica and apply the same changes side by side.
import type { SyncEngine } from './engine';

/** The part of an engine the slot drives. */
export type SlotEngine = Pick<SyncEngine, 'start' | 'stop' | 'stopped' | 'push' | 'status'>;

export interface EngineSlot<E extends SlotEngine> {
	/** The engine now (during a reconnect, the old one until it has wound down). */
	readonly current: E;
	/** Starts the first engine. */
	start(): Promise<void>;
	/**
	 * Stops the engine, waits until it has wound down, then starts a new one. Calls made while one
	 * waits to begin join it; after `stop` it does nothing.
	 */
	reconnect(): Promise<void>;
	/** Pushes through the engine now (in turn with starts and reconnects). */
	push(): Promise<number>;
	/** Stops for good; settles once the engine (and a reconnect under way) has wound down. */
	stop(): Promise<void>;
}

/**
 * Holds a running sync's engine and replaces it one at a time: starts, reconnects and stops run in
 * turn, so two engines never replicate at once.
 * @example const slot = createEngineSlot(make); await slot.start(); addEventListener('online', () => void slot.reconnect())
 */
export function createEngineSlot<E extends SlotEngine>(make: () => E): EngineSlot<E> {
	let engine = make();
	let turn: Promise<unknown> = Promise.resolve();
	let closed = false;
	let waiting: Promise<void> | undefined;
	const inTurn = <T>(job: () => Promise<T>): Promise<T> => {
		const next = turn.then(job);
		turn = next.catch(() => undefined);
		return next;
	};
	return {
		get current() {
			return engine;
		},
		start: () => inTurn(() => engine.start()),
		reconnect() {
			if (closed) return Promise.resolve();
			waiting ??= inTurn(async () => {
				waiting = undefined;
				if (closed) return;
				const old = engine;
				old.stop();
				await old.stopped();
				if (closed) return;
				engine = make();
				await engine.start();
			});
			return waiting;
		},
		push: () => inTurn(() => engine.push()),
		async stop() {
			closed = true;
			// The engine starting in a reconnect stops too: its start then begins no replication.
			engine.stop();
			await turn;
			engine.stop();
			await engine.stopped();
		}
	};
}
