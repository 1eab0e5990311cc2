// The few protobuf messages a package holds (its version, the media list, note-type and template
// settings) are read field by field here: a general protobuf library would be larger than all of them.
import { PackageError } from './limits';

/** One field as read: a number for varints, bytes for length-delimited fields. */
export type ProtoField = { field: number; value: number | Uint8Array };

const decoder = new TextDecoder();

/**
 * Reads the top-level fields of a protobuf message (varint and length-delimited ones; fixed-width
 * fields are skipped). Throws `PackageError` on malformed input.
 * @example protoFields(bytes).find((f) => f.field === 1)
 */
export function protoFields(data: Uint8Array): ProtoField[] {
	const out: ProtoField[] = [];
	let at = 0;
	const varint = (): number => {
		let result = 0;
		let scale = 1;
		for (let i = 0; i < 10; i++) {
			if (at >= data.length) throw new PackageError('a settings record is cut short');
			const byte = data[at++] ?? 0;
			result += (byte & 0x7f) * scale;
			if (byte < 0x80) return result;
			scale *= 128;
		}
		throw new PackageError('a settings record has a malformed number');
	};
	while (at < data.length) {
		const key = varint();
		const field = Math.floor(key / 8);
		const wire = key % 8;
		if (wire === 0) out.push({ field, value: varint() });
		else if (wire === 2) {
			const length = varint();
			if (at + length > data.length) throw new PackageError('a settings record is cut short');
			out.push({ field, value: data.subarray(at, at + length) });
			at += length;
		} else if (wire === 1) at += 8;
		else if (wire === 5) at += 4;
		else throw new PackageError('a settings record is malformed');
	}
	if (at > data.length) throw new PackageError('a settings record is cut short');
	return out;
}

/** The first string in `field`, or ''. */
export function protoString(fields: ProtoField[], field: number): string {
	const f = fields.find((x) => x.field === field);
	return f && f.value instanceof Uint8Array ? decoder.decode(f.value) : '';
}

/** The first varint in `field`, or 0. */
export function protoNumber(fields: ProtoField[], field: number): number {
	const f = fields.find((x) => x.field === field);
	return typeof f?.value === 'number' ? f.value : 0;
}
