/** The version of every replicated document's shape: a reader refuses a newer one it cannot read. */
export const DOC_VERSION = 1;
