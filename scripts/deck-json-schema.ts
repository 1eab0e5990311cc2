/**
 * `npx tsx scripts/deck-json-schema.ts`: writes static/deck.schema.json, the JSON Schema of a
 * hand-written deck file, from the zod schema. Run it after changing src/lib/deck/schema.ts; the
 * unit test tests/unit/deck/json-schema.test.ts fails while the committed file is stale.
 * `--check` writes nothing and exits 1 when the file differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECK_JSON_SCHEMA_FILE, deckJsonSchemaText } from '../src/lib/deck/json-schema';

const file = resolve(import.meta.dirname, '..', DECK_JSON_SCHEMA_FILE);
const text = deckJsonSchemaText();
const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;

if (process.argv.includes('--check')) {
	if (current !== text) {
		console.error(`${DECK_JSON_SCHEMA_FILE} is stale: run npx tsx scripts/deck-json-schema.ts`);
		process.exit(1);
	}
	console.log(`${DECK_JSON_SCHEMA_FILE} is up to date`);
} else if (current === text) {
	console.log(`${DECK_JSON_SCHEMA_FILE} is up to date`);
} else {
	writeFileSync(file, text);
	console.log(`wrote ${DECK_JSON_SCHEMA_FILE}`);
}
