/** The version printed by `oci-mirror version` and written into reports. */
export const VERSION = '0.1.0';
