// Caps on what a package may expand to: a zip bomb (a few kB that inflate to gigabytes) is
// refused before it fills the worker's memory.

export { MAX_PACKAGE_BYTES } from '../limits';
/** The collection database, expanded. */
export const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;
/** One media file, expanded: a larger one is left out (and named in the preview). */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
/** Every file of the package together, expanded. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Expanded bytes per compressed byte read so far, beyond the first megabyte. */
export const MAX_RATIO = 100;
/** Notes read from one package. */
export const MAX_NOTES = 100_000;

/** A refusal with the learner's message: the reader turns it into an error, never a crash. */
export class PackageError extends Error {}
