/** The version of ml-provenance, written into every record's builder and environment. */
export const VERSION = '0.1.0';
