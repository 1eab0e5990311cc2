// Signing out, as steps passed in: the manager gives the app's, tests give fakes.
import { SyncBusyError, type SyncLeader } from './leader';

/** How long sign-out waits for a replication (here or in another tab) to stop. */
export const SIGN_OUT_WAIT_MS = 15_000;

/** What the learner reads when a replication did not stop in time: nothing was deleted. */
export const SIGN_OUT_BUSY =
	'Another Recall tab is still syncing and did not stop within 15 seconds, so you are still ' +
	'signed in and nothing was deleted. Try again, or close the other Recall tabs and sign out.';

export interface SignOutSteps<C extends { server: string; user: string }> {
	leader: Pick<SyncLeader, 'stop' | 'announce' | 'exclusive'>;
	readConfig(): Promise<C | undefined>;
	writeConfig(config: C | undefined): Promise<void>;
	/** Ends the session on the server. */
	endSession(server: string): Promise<void>;
	/** Deletes this device's replica of the user's database and the checkpoints into it. */
	forget(user: string): Promise<void>;
	/** How long to wait for the sync lock (`SIGN_OUT_WAIT_MS` unless a test says otherwise). */
	waitMs?: number;
}

/**
 * Signs this device out: sync stops in every tab, then, holding the sync lock (no replication
 * runs), the replica is deleted, and the session ends. When the lock does not come within the wait
 * (a tab that does not stop), the settings are put back, nothing is deleted and the sentence to
 * show comes back.
 * @example const problem = await signOutDevice({ leader, readConfig, writeConfig, endSession, forget })
 */
export async function signOutDevice<C extends { server: string; user: string }>(
	steps: SignOutSteps<C>
): Promise<string | undefined> {
	const { leader } = steps;
	const config = await steps.readConfig();
	leader.stop();
	if (!config) return undefined;
	// Off first, so a tab that takes the lock meanwhile finds sync off and does not start it.
	await steps.writeConfig(undefined);
	leader.announce();
	try {
		await leader.exclusive(
			async () => {
				// Signed in again meanwhile (another tab): that replica is in use.
				if (!(await steps.readConfig())) await steps.forget(config.user);
			},
			{ waitMs: steps.waitMs ?? SIGN_OUT_WAIT_MS }
		);
	} catch (error) {
		if (!(error instanceof SyncBusyError)) throw error;
		// Still signed in: sync goes on with the settings it had (unless changed meanwhile).
		if (!(await steps.readConfig())) await steps.writeConfig(config);
		leader.announce();
		return SIGN_OUT_BUSY;
	}
	await steps.endSession(config.server);
	return undefined;
}
