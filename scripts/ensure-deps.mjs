// Runs before `npm start` and `npm test`: installs the locked dependencies on a fresh clone (or
// after the lock file changed), so each of the README's two commands works on its own.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
	!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
	console.log('Installing dependencies (npm ci)…');
	execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
